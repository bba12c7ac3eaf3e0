import { type TeamChanged } from './family-doctor-team';
import { type PractitionerSnapshot } from './practitioner';

export type WorkforceEvent =
  | { kind: 'practitioner-changed'; practitioner: PractitionerSnapshot }
  | { kind: 'team-changed'; event: TeamChanged };

/** Port: records events in the current transaction's outbox. */
export abstract class WorkforceEventPublisher {
  abstract publish(events: readonly WorkforceEvent[]): Promise<void>;
}
