import { type CatalogueChanged, type RecognitionCatalogueSnapshot } from './recognition-catalogue';
import { type LookupChanged } from './recognition-lookup';

/** Port: records the recognition context's events in the current transaction's outbox. */
export abstract class RecognitionEventPublisher {
  /** A region's catalogue changed (CatalogueChanged), as it stands after the change. */
  abstract catalogueChanged(
    change: CatalogueChanged,
    catalogue: RecognitionCatalogueSnapshot,
    changedBy: string,
  ): Promise<void>;
  /** A site reused a result (ResultReused) or ordered anyway (OrderedAnyway); a look-up itself is not announced. */
  abstract lookupDecided(change: LookupChanged): Promise<void>;
}
