import { type CoverageLoad } from './coverage-load';
import { type ResidentCoverage } from './resident-coverage';

/** The residents' coverage and the rolls loaded (all SQL lives in the adapter). */
export abstract class ResidentCoverageRepository {
  /** Makes rolls wait their turn, inside the current transaction: a roll is read and applied as one. */
  abstract lockRolls(): Promise<void>;
  /** The coverage of each of the residents known (a resident never enrolled is absent). */
  abstract findMany(residentIds: readonly string[]): Promise<Map<string, ResidentCoverage>>;
  /** One resident's coverage, or null when never enrolled. */
  abstract find(residentId: string): Promise<ResidentCoverage | null>;
  /** Stores the residents' coverage as changed by a roll, and the roll's record, in the current transaction. */
  abstract saveRoll(load: CoverageLoad, changed: readonly ResidentCoverage[]): Promise<void>;
  abstract findLoad(id: string): Promise<CoverageLoad | null>;
}
