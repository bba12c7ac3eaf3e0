import { type ReimbursementTable } from './reimbursement-table';

/** Who loaded a version of a table, kept with it. */
export interface TableEditor {
  readonly subject: string;
  readonly role: string;
}

/**
 * The regions' reimbursement rule tables (all SQL lives in the adapter): the version each stands at and every
 * version ever loaded, never changed.
 */
export abstract class ReimbursementTableRepository {
  /**
   * The region's table as it stands (version 0 and no row before its first load); `lock` makes concurrent loads of
   * one region wait their turn, inside the current transaction.
   */
  abstract load(regionId: string, lock: boolean): Promise<ReimbursementTable>;
  /** The version of the region's table loaded by `at` (version 0 and no row when none was). */
  abstract versionAt(regionId: string, at: Date): Promise<ReimbursementTable>;
  /** A version as it was loaded, or null. */
  abstract version(regionId: string, version: number): Promise<ReimbursementTable | null>;
  /**
   * Stores the table's new version, loaded (locked) in the current transaction at `readVersion`; a write from a
   * stale read is refused (STALE_TABLE_VERSION).
   */
  abstract save(table: ReimbursementTable, readVersion: number, editor: TableEditor): Promise<void>;
}
