import { type Resident } from './resident';

export interface ResidentSearch {
  gridId: string;
  nameContains?: string;
  /** Keyset cursor: the (name, id) of the last row of the previous page. */
  after?: { name: string; id: string };
  limit: number;
}

/** Persistence port of residents. */
export abstract class ResidentRepository {
  /** Refuses a second resident of one ID number (DUPLICATE_RESIDENT_ID_NUMBER). */
  abstract insert(resident: Resident): Promise<void>;
  /** Many residents in one statement (imports, the demo city); refused as `insert` is. */
  abstract insertMany(residents: readonly Resident[]): Promise<void>;
  /** Saves a changed resident if its stored version is still `expectedVersion` (else VERSION_CONFLICT). */
  abstract update(resident: Resident, expectedVersion: number): Promise<void>;
  /** With `forUpdate`, inside a transaction, the row stays locked until it ends. */
  abstract findById(id: string, forUpdate?: boolean): Promise<Resident | null>;
  abstract findByIdNumber(residentIdNumber: string): Promise<Resident | null>;
  /** Residents of a grid by name, keyset-paged on (name, id). */
  abstract search(search: ResidentSearch): Promise<Resident[]>;
  /** Which of these ID numbers are already registered. */
  abstract existingIdNumbers(residentIdNumbers: readonly string[]): Promise<Set<string>>;
}
