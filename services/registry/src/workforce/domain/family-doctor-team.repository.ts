import { type FamilyDoctorTeam } from './family-doctor-team';

/** Persistence port of family-doctor teams and their members. */
export abstract class FamilyDoctorTeamRepository {
  /** Refuses a second team of one name at an institution (DUPLICATE_TEAM_NAME). */
  abstract insert(team: FamilyDoctorTeam): Promise<void>;
  /** Saves members and version if the stored version is still `expectedVersion` (else VERSION_CONFLICT). */
  abstract update(team: FamilyDoctorTeam, expectedVersion: number): Promise<void>;
  /** With `forUpdate`, inside a transaction, the row stays locked until it ends. */
  abstract findById(id: string, forUpdate?: boolean): Promise<FamilyDoctorTeam | null>;
  /** An institution's teams by name, each with its members in the order they joined. */
  abstract listByInstitution(institutionId: string): Promise<FamilyDoctorTeam[]>;
}
