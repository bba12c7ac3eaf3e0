import { type EncounterKind, type Scheme } from '../../common/domain/insurance';
import { type Adjudication, type YearToDate } from './adjudication';
import { type ClaimRecord } from './claim-record';
import { type OutpatientTally } from './first-contact-statistics';

/** Where a claim belongs: the submitting institution's group (whose administrators read it) and its region. */
export interface ClaimPlacement {
  readonly groupId: string | null;
  /** The city whose reimbursement table judged it. */
  readonly regionId: string;
}

/** A claim as stored: its record (every version), where it belongs and each version's adjudication. */
export interface StoredClaim {
  readonly record: ClaimRecord;
  readonly placement: ClaimPlacement;
  /** One per version, oldest first. */
  readonly adjudications: readonly Adjudication[];
}

/** The claims and their versions (all SQL lives in the adapter); versions are only ever added. */
export abstract class ClaimRepository {
  /** Makes writes of one institution's claim number wait their turn, inside the current transaction. */
  abstract lockNumber(institutionId: string, claimNumber: string): Promise<void>;
  /**
   * Makes adjudications of one resident's year wait their turn, inside the current transaction: a claim's
   * deductible and ceiling are measured against the claims of the year before it.
   */
  abstract lockResidentYear(residentId: string, year: string): Promise<void>;
  abstract findByNumber(institutionId: string, claimNumber: string): Promise<StoredClaim | null>;
  abstract find(id: string): Promise<StoredClaim | null>;
  /**
   * What the resident's claims of the year (by service date) in the scheme and encounter kind came to, each claim
   * by its version in force, `exceptClaimId` left out (the claim being corrected).
   */
  abstract yearToDate(
    residentId: string,
    scheme: Scheme,
    encounter: EncounterKind,
    year: string,
    exceptClaimId: string | null,
  ): Promise<YearToDate>;
  /**
   * The outpatient claims with a service date from `from` until before `until`, counted per institution, level and
   * referral (each claim by its version in force), of one group or, with null, of all.
   */
  abstract outpatientTallies(range: {
    from: string;
    until: string;
    groupId: string | null;
  }): Promise<OutpatientTally[]>;
  /** Stores the claim's newest version with its adjudication (the claim itself with its first version). */
  abstract save(record: ClaimRecord, placement: ClaimPlacement, adjudication: Adjudication): Promise<void>;
}
