import { type SterilisationBatchChanged } from './sterilisation-batch';

/** Port: records the sterilisation batches' events in the current transaction's outbox. */
export abstract class SterilisationEventPublisher {
  abstract batchesChanged(events: readonly SterilisationBatchChanged[]): Promise<void>;
}
