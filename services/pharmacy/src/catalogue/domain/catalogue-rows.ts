import { type Fen } from '../../common/fen';
import { type InstitutionLevel, isInstitutionLevel } from '../../common/institution-level';
import { CatalogueErrorCode } from './catalogue-error';
import {
  type Drug,
  dosageFormOf,
  drugViolations,
  INSURANCE_CATEGORIES,
  INSURANCE_CATEGORY_CHINESE,
  type InsuranceCategory,
} from './drug';

/** A data row of a catalogue CSV: its 1-based line in the file (the header is line 1) and its cells by column. */
export interface CatalogueRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/** A rejected cell: the line, the column as the file names it, why. */
export interface RowProblem {
  readonly line: number;
  readonly field: string;
  readonly reason: string;
  readonly description: string;
}

export interface CatalogueRowsReport {
  readonly rows: number;
  /** The drugs read, in file order; empty unless every row was accepted (a load is all or nothing). */
  readonly drugs: readonly Drug[];
  readonly rejected: readonly RowProblem[];
}

/** The columns of a catalogue file, each a field of Drug; `bid_price_fen` may be empty, `levels` is `a|b`. */
export const CATALOGUE_COLUMNS = {
  code: 'code',
  generic_name: 'genericName',
  dosage_form: 'dosageForm',
  strength: 'strength',
  pack_size: 'packSize',
  unit: 'unit',
  pack_unit: 'packUnit',
  manufacturer: 'manufacturer',
  supplier: 'supplier',
  essential: 'essential',
  volume_based: 'volumeBased',
  bid_price_fen: 'bidPriceFen',
  unified_price_fen: 'unifiedPriceFen',
  list_price_fen: 'listPriceFen',
  insurance_category: 'insuranceCategory',
  levels: 'levels',
} as const satisfies Record<string, keyof Drug>;
export type CatalogueColumn = keyof typeof CATALOGUE_COLUMNS;

const COLUMN_OF = Object.fromEntries(
  Object.entries(CATALOGUE_COLUMNS).map(([column, field]) => [field, column]),
) as Record<keyof Drug, CatalogueColumn>;

type Cell<T> = { value: T } | { reason: string; description: string };

/**
 * A price cell in whole fen. A price with a decimal point is refused, not rounded nor read as yuan: the column says
 * fen, and `12.50` there is a price typed in yuan (1250 fen) or a mistake, and either way a guess is worse than a
 * refusal.
 */
export function parseFen(cell: string): Cell<Fen> {
  const text = cell.trim();
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    return Number.isSafeInteger(value)
      ? { value }
      : { reason: 'OUT_OF_RANGE', description: 'a price too large to be real' };
  }
  if (/^\d*\.\d+$/.test(text)) {
    const [yuan = '0', fraction = ''] = text.split('.');
    const asYuan =
      fraction.length <= 2
        ? ` (¥${text} is ${Number(yuan) * 100 + Number(fraction.padEnd(2, '0'))} fen)`
        : '';
    return {
      reason: 'DECIMAL_NOT_FEN',
      description: `a price in whole fen, without a decimal point${asYuan}`,
    };
  }
  if (/^-\d+(\.\d+)?$/.test(text)) return { reason: 'NEGATIVE', description: 'a price is not negative' };
  return { reason: 'NOT_A_NUMBER', description: 'a price in whole fen, digits only' };
}

const TRUE = ['true', '1', 'y', 'yes', '是'];
const FALSE = ['false', '0', 'n', 'no', '否'];

function parseFlag(cell: string): Cell<boolean> {
  const text = cell.trim().toLowerCase();
  if (TRUE.includes(text)) return { value: true };
  if (FALSE.includes(text)) return { value: false };
  return { reason: 'INVALID_FORMAT', description: 'true or false (also 1/0, 是/否)' };
}

function parseWhole(cell: string): Cell<number> {
  const text = cell.trim();
  return /^\d+$/.test(text)
    ? { value: Number(text) }
    : { reason: 'INVALID_FORMAT', description: 'a whole number' };
}

function parseCategory(cell: string): Cell<InsuranceCategory> {
  const text = cell.trim();
  const byLetter = INSURANCE_CATEGORIES.find((category) => category === text.toUpperCase());
  const byChinese = INSURANCE_CATEGORIES.find(
    (category) => INSURANCE_CATEGORY_CHINESE[category] === text.replace(/类$/, ''),
  );
  const category = byLetter ?? byChinese;
  return category
    ? { value: category }
    : { reason: 'UNKNOWN_VALUE', description: 'A, B or C (甲, 乙 or 丙)' };
}

function parseLevels(cell: string): Cell<InstitutionLevel[]> {
  const levels = cell
    .split('|')
    .map((level) => level.trim())
    .filter(Boolean);
  const unknown = levels.filter((level) => !isInstitutionLevel(level));
  return unknown.length
    ? {
        reason: 'UNKNOWN_VALUE',
        description: `tertiary, secondary or primary, joined by |; not ${unknown.join(', ')}`,
      }
    : { value: levels as InstitutionLevel[] };
}

/**
 * Reads the rows of a catalogue file into drugs, judging every row by the same rules as a single change
 * (drugViolations) and each code once in the file; every problem of every row comes back, named by its line and
 * column. A single rejected row rejects the file: the report then carries no drug.
 */
export function readCatalogueRows(rows: readonly CatalogueRow[]): CatalogueRowsReport {
  const rejected: RowProblem[] = [];
  const drugs: Drug[] = [];
  const firstLineOf = new Map<string, number>();

  for (const row of rows) {
    const problems: RowProblem[] = [];
    const cell = (column: CatalogueColumn) => row.values[column] ?? '';
    const take = <T>(column: CatalogueColumn, parsed: Cell<T>, fallback: T): T => {
      if ('value' in parsed) return parsed.value;
      problems.push({ line: row.line, field: column, ...parsed });
      return fallback;
    };
    const form = dosageFormOf(cell('dosage_form').trim());
    if (!form) {
      problems.push({
        line: row.line,
        field: 'dosage_form',
        reason: 'UNKNOWN_VALUE',
        description: 'a dosage form of the catalogue, by code (tablet) or Chinese name (片剂)',
      });
    }
    const volumeBased = take('volume_based', parseFlag(cell('volume_based')), false);
    const bidCell = cell('bid_price_fen').trim();
    const drug: Drug = {
      code: cell('code').trim(),
      genericName: cell('generic_name').trim(),
      dosageForm: form ?? 'tablet',
      strength: cell('strength').trim(),
      packSize: take('pack_size', parseWhole(cell('pack_size')), 1),
      unit: cell('unit').trim(),
      packUnit: cell('pack_unit').trim(),
      manufacturer: cell('manufacturer').trim(),
      supplier: cell('supplier').trim(),
      essential: take('essential', parseFlag(cell('essential')), false),
      volumeBased,
      bidPriceFen: bidCell === '' ? null : take('bid_price_fen', parseFen(bidCell), volumeBased ? 0 : null),
      unifiedPriceFen: take('unified_price_fen', parseFen(cell('unified_price_fen')), 0),
      listPriceFen: take('list_price_fen', parseFen(cell('list_price_fen')), 0),
      insuranceCategory: take('insurance_category', parseCategory(cell('insurance_category')), 'A'),
      levels: take('levels', parseLevels(cell('levels')), ['primary']),
    };
    const reported = new Set(problems.map((problem) => problem.field));
    for (const violation of drugViolations(drug, 'drug')) {
      const field = violation.field.replace(/^drug\./, '').replace(/\[\d+\]$/, '') as keyof Drug;
      const column = COLUMN_OF[field];
      if (reported.has(column)) continue;
      reported.add(column);
      problems.push({
        line: row.line,
        field: column,
        reason: violation.reason,
        description: violation.description,
      });
    }
    const first = firstLineOf.get(drug.code);
    if (first !== undefined && drug.code !== '') {
      problems.push({
        line: row.line,
        field: 'code',
        reason: CatalogueErrorCode.DuplicateDrug,
        description: `code ${drug.code} is already on line ${first}`,
      });
    } else {
      firstLineOf.set(drug.code, row.line);
    }
    rejected.push(...problems);
    drugs.push(drug);
  }
  return { rows: rows.length, drugs: rejected.length ? [] : drugs, rejected };
}
