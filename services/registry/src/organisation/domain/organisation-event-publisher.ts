import { type City, type Department, type Grid } from './geography';
import { type InstitutionChanged } from './institution';
import { type MedicalGroupChanged } from './medical-group';

export type OrganisationEvent =
  | { kind: 'city-registered'; city: City }
  | { kind: 'grid-registered'; grid: Grid }
  | { kind: 'institution-changed'; event: InstitutionChanged }
  | { kind: 'group-changed'; event: MedicalGroupChanged }
  | { kind: 'department-registered'; department: Department };

/** Port: records events in the current transaction's outbox. */
export abstract class OrganisationEventPublisher {
  abstract publish(events: readonly OrganisationEvent[]): Promise<void>;
}
