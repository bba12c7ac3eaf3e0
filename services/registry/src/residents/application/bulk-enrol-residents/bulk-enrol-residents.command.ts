import { type PopulationTag } from '../../domain/contract';

export interface EnrolmentRow {
  /** 1-based line of the source (CSV line or generated index), for the report. */
  line: number;
  residentIdNumber: string;
  name: string;
  phone: string;
  gridId: string;
  /** Team to sign with today, or empty for no contract. */
  teamId: string;
  tags: PopulationTag[];
}

/**
 * BulkEnrolResidents: residents (and their contracts) to register at once, as a CSV import or
 * the demo city brings them. It refuses no row on creation: the use case judges every row by
 * the rules of a single registration and reports each row's problems together.
 */
export class BulkEnrolResidentsCommand {
  private constructor(readonly rows: readonly EnrolmentRow[]) {}

  /** Ids lower case, as stored. */
  static create(rows: readonly EnrolmentRow[]): BulkEnrolResidentsCommand {
    return new BulkEnrolResidentsCommand(
      rows.map((row) => ({ ...row, gridId: row.gridId.toLowerCase(), teamId: row.teamId.toLowerCase() })),
    );
  }
}
