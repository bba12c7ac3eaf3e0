import { ValidationError } from '@medgrid/errors';
import { parse } from 'csv-parse/sync';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface CsvRow {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  values: Record<string, string>;
}

/**
 * Parses a UTF-8 CSV file with a header row. A file that is not CSV, or whose
 * header lacks a required column, is refused as a whole (INVALID_ARGUMENT on
 * `content`); a row with the wrong number of cells is refused with its line.
 */
export function parseCsv(
  content: Buffer,
  required: readonly string[],
  optional: readonly string[] = [],
): CsvRow[] {
  if (content.length === 0) throw invalidContent('EMPTY', 'the file is empty');
  if (content.length > MAX_IMPORT_BYTES)
    throw invalidContent('TOO_LARGE', `the file exceeds ${MAX_IMPORT_BYTES} bytes`);
  let records: string[][];
  try {
    records = parse(content, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw invalidContent('NOT_CSV', `not a CSV file: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw invalidContent('EMPTY', 'the file has no header row');
  const columns = header.map((h) => h.toLowerCase());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length) throw invalidContent('MISSING_COLUMNS', `the header lacks ${missing.join(', ')}`);
  const unknown = columns.filter((c) => !required.includes(c) && !optional.includes(c));
  if (unknown.length)
    throw invalidContent('UNKNOWN_COLUMNS', `the header has unknown columns ${unknown.join(', ')}`);
  return rows.map((cells, i) => {
    const values: Record<string, string> = {};
    columns.forEach((column, c) => (values[column] = cells[c] ?? ''));
    if (cells.length !== columns.length) values.__cellCount = String(cells.length);
    return { line: i + 2, values };
  });
}

function invalidContent(reason: string, description: string): ValidationError {
  return new ValidationError([{ field: 'content', reason, description }]);
}
