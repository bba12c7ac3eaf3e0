import { type FamilyDoctorContract, type ManagedResidents } from './family-doctor-contract';

/** The residents' family-doctor contracts as payment keeps them (all SQL lives in the adapter). */
export abstract class FamilyDoctorContractRepository {
  /** Keeps the contract, or overwrites the one kept only with a newer version (a replay changes nothing). */
  abstract upsert(contract: FamilyDoctorContract): Promise<void>;
  /** The institutions (team homes) of the resident's contracts in force on the local date (inForceOn). */
  abstract contractedInstitutionsOn(residentIdNumber: string, date: string): Promise<string[]>;
  /** The groups (of the teams) of the resident's contracts in force on the local date (inForceOn). */
  abstract contractedGroupsOn(residentIdNumber: string, date: string): Promise<string[]>;
  /** Residents with a contract in force on the date with a team of the group, each counted once, and by disease. */
  abstract managedResidents(groupId: string, date: string): Promise<ManagedResidents>;
}
