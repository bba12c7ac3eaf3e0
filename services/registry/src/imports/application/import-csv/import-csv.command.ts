import { parseFields, requestField, ValidationError } from '@medgrid/errors';
import { z } from 'zod';
import { type ImportKind } from '../../domain/csv-import';
import { type CsvRow, parseCsv } from '../csv-rows';

/** The columns of each kind of file: those it must have, then those it may have. */
const COLUMNS: Record<ImportKind, readonly [required: string[], optional: string[]]> = {
  institutions: [['credit_code', 'name', 'level', 'type', 'grid_id', 'address'], []],
  departments: [['institution_id', 'specialty_code', 'name'], []],
  practitioners: [['licence_number', 'name', 'title', 'specialty_code', 'home_institution_id'], []],
  residents: [
    ['resident_id_number', 'name', 'phone', 'grid_id'],
    ['team_id', 'tags'],
  ],
  contracts: [
    ['resident_id_number', 'team_id'],
    ['start_date', 'tags'],
  ],
};

/** A residents file is enrolled in one statement; beyond this it is split into several files. */
const MAX_RESIDENT_ROWS = 200_000;

const fields = z.object({
  kind: requestField.present<ImportKind>('must name what the file holds'),
  clientRequestId: requestField.uuid(),
});

export interface ImportCsvInput {
  kind: ImportKind | undefined;
  content: Buffer;
  clientRequestId: string;
}

/** ImportCsv: a CSV file of one kind of master data, read into its rows. */
export class ImportCsvCommand {
  private constructor(
    readonly kind: ImportKind,
    /** Each with its line in the file; the rows' own fields are judged row by row on import. */
    readonly rows: readonly CsvRow[],
    /** Lower case. */
    readonly clientRequestId: string,
  ) {}

  /**
   * Refuses a request without a kind or a request id, and a file that is not CSV, lacks a column
   * of its kind or has too many rows (INVALID_ARGUMENT on `kind`, `clientRequestId` or `content`).
   */
  static create(input: ImportCsvInput): ImportCsvCommand {
    const { kind, clientRequestId } = parseFields(fields, input);
    const [required, optional] = COLUMNS[kind];
    const rows = parseCsv(input.content, required, optional);
    if (kind === 'residents' && rows.length > MAX_RESIDENT_ROWS) {
      throw new ValidationError([
        {
          field: 'content',
          reason: 'TOO_MANY_ROWS',
          description: `at most ${MAX_RESIDENT_ROWS} residents per file`,
        },
      ]);
    }
    return new ImportCsvCommand(kind, rows, clientRequestId);
  }
}
