import { ValidationError } from '@medgrid/errors';
import { parse } from 'csv-parse/sync';
import { CATALOGUE_COLUMNS, type CatalogueRow } from '../domain/catalogue-rows';

/** A catalogue file beyond this is split: a group's catalogue is a few thousand drugs, well under 5 MB. */
export const MAX_CATALOGUE_BYTES = 5 * 1024 * 1024;

/**
 * The rows of a catalogue CSV file (UTF-8, header row first, the columns of CATALOGUE_COLUMNS in any order), each
 * with its line. A file that is not CSV, or whose header lacks a column or names an unknown one, is refused whole
 * (INVALID_ARGUMENT on `content`); the cells themselves are judged row by row (readCatalogueRows).
 */
export function catalogueRowsOf(content: Buffer): CatalogueRow[] {
  if (content.length === 0) throw invalidContent('EMPTY', 'the file is empty');
  if (content.length > MAX_CATALOGUE_BYTES) {
    throw invalidContent('TOO_LARGE', `the file exceeds ${MAX_CATALOGUE_BYTES} bytes`);
  }
  let records: string[][];
  try {
    records = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw invalidContent('NOT_CSV', `not a CSV file: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw invalidContent('EMPTY', 'the file has no header row');
  const columns = header.map((cell) => cell.trim().toLowerCase());
  const known = Object.keys(CATALOGUE_COLUMNS);
  const missing = known.filter((column) => !columns.includes(column));
  if (missing.length) throw invalidContent('MISSING_COLUMNS', `the header lacks ${missing.join(', ')}`);
  const unknown = columns.filter((column) => !known.includes(column));
  if (unknown.length) {
    throw invalidContent('UNKNOWN_COLUMNS', `the header has unknown columns ${unknown.join(', ')}`);
  }
  return rows.map((cells, i) => ({
    line: i + 2,
    values: Object.fromEntries(columns.map((column, c) => [column, cells[c] ?? ''])),
  }));
}

function invalidContent(reason: string, description: string): ValidationError {
  return new ValidationError([{ field: 'content', reason, description }]);
}
