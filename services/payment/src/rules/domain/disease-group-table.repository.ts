import { type DiseaseGroupTable } from './disease-group-points';

/** The funds' disease-group points tables, every version kept whole (all SQL lives in the adapter). */
export abstract class DiseaseGroupTableRepository {
  /** The fund's newest table (version 0 and no group before its first load); `lock` makes loads wait their turn. */
  abstract table(fundId: string, lock: boolean): Promise<DiseaseGroupTable>;
  /** Stores the table's new version whole, beside the versions before it. */
  abstract save(table: DiseaseGroupTable, loadedBy: string, at: Date): Promise<void>;
  /**
   * The fund's table in force on the date: its newest version's groups in force then (none before its first
   * load, so every point-settled case of the date is settled fee-for-service and reported).
   */
  abstract tableOn(fundId: string, date: string): Promise<DiseaseGroupTable>;
}
