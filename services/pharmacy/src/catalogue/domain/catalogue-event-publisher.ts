import { type DrugChanged } from './drug-catalogue';

/** Port: records the catalogue's events in the current transaction's outbox. */
export abstract class CatalogueEventPublisher {
  /** Each drug a change listed, changed or withdrew (DrugChanged), in the order of the change. */
  abstract drugsChanged(changes: readonly DrugChanged[], changedBy: string): Promise<void>;
}
