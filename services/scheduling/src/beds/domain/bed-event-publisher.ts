import { type AdmissionChangedDomainEvent } from './admission';

/** Port: records the beds context's events in the current transaction's outbox. */
export abstract class BedEventPublisher {
  abstract admissionsChanged(events: readonly AdmissionChangedDomainEvent[]): Promise<void>;
}
