import { type SharedCentreChanged } from './shared-centre';

/** Port: records the centres context's events in the current transaction's outbox. */
export abstract class CentreEventPublisher {
  abstract centresChanged(events: readonly SharedCentreChanged[]): Promise<void>;
}
