import { type RecognitionCandidate } from '../../recognition/domain/already-done';
import { type ResultRecord, type ResultRecordSnapshot } from './result-record';

/** Where a page of a patient's results starts: after this result (newest first). */
export interface ResultCursor {
  readonly performedAt: Date;
  readonly id: string;
}

/** Which of a patient's results a list reads. */
export interface PatientResultsFilter {
  readonly patientResidentId: string;
  /** The groups whose results the reader may see. */
  readonly groupIds: readonly string[];
  readonly itemCode: string | null;
  /** Performed at or after, and before. */
  readonly from: Date | null;
  readonly to: Date | null;
}

/** The result registry (all SQL lives in the adapter). */
export abstract class ResultRecordRepository {
  abstract insert(record: ResultRecord): Promise<void>;
  /** The result, locked for the current transaction when `lock`. */
  abstract find(id: string, lock: boolean): Promise<ResultRecord | null>;
  /** The result a signed report became, locked when `lock`. */
  abstract findByReport(reportId: string, lock: boolean): Promise<ResultRecord | null>;
  /** Stores a change of a result read at `readVersion`; a stale write is refused. */
  abstract update(record: ResultRecord, readVersion: number): Promise<void>;
  /**
   * The patient's results of an item performed since `performedSince`, not entered in error, newest first, at
   * most `limit`: one index-only scan, "already done?"'s only read of the registry.
   */
  abstract candidatesFor(
    patientResidentId: string,
    itemCode: string,
    performedSince: Date,
    limit: number,
  ): Promise<RecognitionCandidate[]>;
  /** A page of a patient's results, newest first; `limit` rows at most after `after`. */
  abstract listForPatient(
    filter: PatientResultsFilter,
    after: ResultCursor | null,
    limit: number,
  ): Promise<ResultRecordSnapshot[]>;
}
