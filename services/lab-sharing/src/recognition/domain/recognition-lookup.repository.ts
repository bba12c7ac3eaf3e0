import { type LookupOutcome, type RecognitionLookup } from './recognition-lookup';

/** Look-ups counted by outcome, for one institution and item. */
export interface LookupTally {
  readonly institutionId: string;
  readonly itemCode: string;
  readonly outcomes: Readonly<Record<LookupOutcome, number>>;
}

/** The "already done?" look-ups and what the ordering sites decided (all SQL lives in the adapter). */
export abstract class RecognitionLookupRepository {
  /** The look-up, locked for the current transaction when `lock`; null when there is none of that id. */
  abstract find(id: string, lock: boolean): Promise<RecognitionLookup | null>;
  /** Stores a decision on a look-up read at `readVersion`; a stale write is refused. */
  abstract update(lookup: RecognitionLookup, readVersion: number): Promise<void>;
  /**
   * The latest look-up of a patient and item by the institution since `since`: what an order placed after a
   * look-up is checked against (ordered anyway before ordering, when something was offered).
   */
  abstract latestFor(
    orderingInstitutionId: string,
    patientResidentId: string,
    itemCode: string,
    since: Date,
  ): Promise<RecognitionLookup | null>;
  /**
   * Whether a look-up of the institution offered the result: a site reads a recognised result of another group it
   * was offered, to reuse it.
   */
  abstract wasOffered(orderingInstitutionId: string, resultId: string): Promise<boolean>;
  /** Look-ups since `since` per ordering institution and item, by outcome (the recognition rate's inputs). */
  abstract tally(groupId: string | null, since: Date): Promise<LookupTally[]>;
}
