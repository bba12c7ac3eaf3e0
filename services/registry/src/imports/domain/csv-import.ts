/** What a CSV file holds, and so which columns its header must name. */
export type ImportKind = 'institutions' | 'departments' | 'practitioners' | 'residents' | 'contracts';

/**
 * A committed import: what it wrote, kept so that a retry of its request is answered with its
 * report instead of importing the file again. An import with a rejected row writes nothing, so
 * none is kept for it.
 */
export interface CsvImport {
  readonly id: string;
  readonly kind: ImportKind;
  /** Data rows in the file. */
  readonly rows: number;
  /** Rows written: every row, since the import was committed. */
  readonly accepted: number;
  /** Contracts signed by a residents file. */
  readonly contracts: number;
  readonly importedAt: Date;
}
