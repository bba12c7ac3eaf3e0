import { type FamilyDoctorTeam, type TeamChanged } from './family-doctor-team';
import { type PractitionerSnapshot } from './practitioner';

export interface PractitionerSearch {
  nameContains?: string;
  institutionId?: string;
  specialtyCode?: string;
  after?: { name: string; id: string };
  limit: number;
}

/** Persistence port of practitioners and teams. */
export interface WorkforceRepository {
  insertPractitioner(practitioner: PractitionerSnapshot): Promise<void>;
  findPractitioner(id: string, forUpdate?: boolean): Promise<PractitionerSnapshot | null>;
  updatePractitioner(practitioner: PractitionerSnapshot, expectedVersion: number): Promise<void>;
  findPractitioners(ids: readonly string[]): Promise<PractitionerSnapshot[]>;
  searchPractitioners(search: PractitionerSearch): Promise<PractitionerSnapshot[]>;
  insertTeam(team: FamilyDoctorTeam): Promise<void>;
  updateTeam(team: FamilyDoctorTeam, expectedVersion: number): Promise<void>;
  findTeam(id: string, forUpdate?: boolean): Promise<FamilyDoctorTeam | null>;
  listTeams(institutionId: string): Promise<FamilyDoctorTeam[]>;
}

export const WORKFORCE_REPOSITORY = Symbol('WORKFORCE_REPOSITORY');

export type WorkforceEvent =
  | { kind: 'practitioner-changed'; practitioner: PractitionerSnapshot }
  | { kind: 'team-changed'; event: TeamChanged };

/** Port: records events in the current transaction's outbox. */
export interface WorkforceEventPublisher {
  publish(events: readonly WorkforceEvent[]): Promise<void>;
}

export const WORKFORCE_EVENT_PUBLISHER = Symbol('WORKFORCE_EVENT_PUBLISHER');
