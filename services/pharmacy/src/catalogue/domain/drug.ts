import { type FieldViolation } from '@medgrid/errors';
import { type Fen, isFen } from '../../common/fen';
import { INSTITUTION_LEVELS, type InstitutionLevel } from '../../common/institution-level';
import { DRUG_CODE_PROBLEM_TEXT, drugCodeProblem } from './drug-code';

/**
 * The dosage forms the catalogue knows, with their Chinese names. "The same generic and form" (essential-first,
 * substitution after a referral) compares these codes, so a form is one of a closed list rather than free text.
 */
export const DOSAGE_FORMS = {
  tablet: '片剂',
  'film-coated-tablet': '薄膜衣片',
  'enteric-coated-tablet': '肠溶片',
  'sustained-release-tablet': '缓释片',
  'controlled-release-tablet': '控释片',
  'dispersible-tablet': '分散片',
  capsule: '胶囊',
  'sustained-release-capsule': '缓释胶囊',
  'enteric-coated-capsule': '肠溶胶囊',
  granules: '颗粒剂',
  'oral-solution': '口服溶液',
  injection: '注射液',
  'powder-for-injection': '注射用粉针',
  'pre-filled-pen': '注射笔（预充）',
  'inhalation-aerosol': '吸入气雾剂',
  'inhalation-powder': '吸入粉雾剂',
  'inhalation-solution': '吸入溶液',
  'eye-drops': '滴眼液',
  ointment: '软膏',
  patch: '贴剂',
  'sublingual-tablet': '舌下片',
} as const;
export type DosageForm = keyof typeof DOSAGE_FORMS;

export function isDosageForm(value: string): value is DosageForm {
  return Object.prototype.hasOwnProperty.call(DOSAGE_FORMS, value);
}

/** The form of a code or of its Chinese name, as a CSV may carry either. */
export function dosageFormOf(value: string): DosageForm | null {
  if (isDosageForm(value)) return value;
  const found = Object.entries(DOSAGE_FORMS).find(([, chinese]) => chinese === value);
  return found ? (found[0] as DosageForm) : null;
}

/** The insurance drug list's categories (医保目录 甲类 / 乙类 / 丙类): A fully covered, B partly, C not listed. */
export const INSURANCE_CATEGORIES = ['A', 'B', 'C'] as const;
export type InsuranceCategory = (typeof INSURANCE_CATEGORIES)[number];
export const INSURANCE_CATEGORY_CHINESE: Record<InsuranceCategory, string> = { A: '甲', B: '乙', C: '丙' };

/**
 * A drug of the group's catalogue (统一药品目录), one product: a generic name in a dosage form and strength, in a pack,
 * from a manufacturer. Prices are per pack in fen: `listPriceFen` the provincial platform's listed price (挂网价) the
 * group negotiates from, `unifiedPriceFen` the group's one price in every member (统一价格), and, for a product that
 * won national volume-based procurement (国家集中带量采购), `bidPriceFen` its winning bid, which is what suppliers are
 * paid for it. `supplier` is the distributor the group buys it from (配送企业). `levels` are the institution levels
 * that may stock and prescribe it.
 */
export interface Drug {
  readonly code: string;
  readonly genericName: string;
  readonly dosageForm: DosageForm;
  /** As labelled: `5mg`, `0.5g`, `100μg/揿`. */
  readonly strength: string;
  /** Units in a pack: 28 tablets in a box. */
  readonly packSize: number;
  /** The unit dispensed from a pack: 片, 粒, 支, 揿. */
  readonly unit: string;
  /** What a pack is: 盒, 瓶, 支. */
  readonly packUnit: string;
  readonly manufacturer: string;
  readonly supplier: string;
  /** On the national essential medicines list (国家基本药物目录). */
  readonly essential: boolean;
  /** A winning product of national volume-based procurement; then `bidPriceFen` is set. */
  readonly volumeBased: boolean;
  readonly bidPriceFen: Fen | null;
  readonly unifiedPriceFen: Fen;
  readonly listPriceFen: Fen;
  readonly insuranceCategory: InsuranceCategory;
  readonly levels: readonly InstitutionLevel[];
}

export const GENERIC_NAME_MAX = 50;
export const STRENGTH_MAX = 50;
export const UNIT_MAX = 10;
export const ORGANISATION_MAX = 100;
export const PACK_SIZE_MAX = 10_000;
/** ¥1,000,000 a pack: far above any catalogue price, low enough to catch a price typed in the wrong unit. */
export const PRICE_MAX_FEN = 100_000_000;

/** Every rule a drug breaks, as field violations under `path` (e.g. `drugs[3]`), in the order of its fields. */
export function drugViolations(drug: Drug, path: string): FieldViolation[] {
  const found: FieldViolation[] = [];
  const add = (field: string, reason: string, description: string) =>
    found.push({ field: `${path}.${field}`, reason, description });
  const text = (field: keyof Drug, value: string, max: number) => {
    if (!value.trim() || value.length > max) add(field, 'INVALID_LENGTH', `1-${max} characters`);
  };
  const price = (field: keyof Drug, value: number) => {
    if (!isFen(value)) add(field, 'NOT_FEN', 'a whole number of fen, not yuan (¥12.50 is 1250)');
    else if (value > PRICE_MAX_FEN) add(field, 'OUT_OF_RANGE', `at most ${PRICE_MAX_FEN} fen a pack`);
  };

  const codeProblem = drugCodeProblem(drug.code);
  if (codeProblem) add('code', codeProblem, DRUG_CODE_PROBLEM_TEXT[codeProblem]);
  text('genericName', drug.genericName, GENERIC_NAME_MAX);
  if (!isDosageForm(drug.dosageForm)) {
    add('dosageForm', 'UNKNOWN_VALUE', `one of ${Object.keys(DOSAGE_FORMS).join(', ')}`);
  }
  text('strength', drug.strength, STRENGTH_MAX);
  if (!Number.isInteger(drug.packSize) || drug.packSize < 1 || drug.packSize > PACK_SIZE_MAX) {
    add('packSize', 'OUT_OF_RANGE', `a whole number of units from 1 to ${PACK_SIZE_MAX}`);
  }
  text('unit', drug.unit, UNIT_MAX);
  text('packUnit', drug.packUnit, UNIT_MAX);
  text('manufacturer', drug.manufacturer, ORGANISATION_MAX);
  text('supplier', drug.supplier, ORGANISATION_MAX);
  if (drug.volumeBased !== (drug.bidPriceFen !== null)) {
    add(
      'bidPriceFen',
      drug.volumeBased ? 'REQUIRED' : 'NOT_APPLICABLE',
      'a volume-based procurement product, and only it, carries its winning bid price',
    );
  } else if (drug.bidPriceFen !== null) {
    price('bidPriceFen', drug.bidPriceFen);
  }
  price('unifiedPriceFen', drug.unifiedPriceFen);
  price('listPriceFen', drug.listPriceFen);
  if (!(INSURANCE_CATEGORIES as readonly string[]).includes(drug.insuranceCategory)) {
    add('insuranceCategory', 'UNKNOWN_VALUE', 'A (甲), B (乙) or C (丙)');
  }
  if (drug.levels.length === 0) add('levels', 'REQUIRED', 'at least one institution level may stock it');
  drug.levels.forEach((level, index) => {
    if (!(INSTITUTION_LEVELS as readonly string[]).includes(level)) {
      add(`levels[${index}]`, 'UNKNOWN_VALUE', `one of ${INSTITUTION_LEVELS.join(', ')}`);
    } else if (drug.levels.indexOf(level) !== index) {
      add(`levels[${index}]`, 'DUPLICATE', 'each level once');
    }
  });
  return found;
}

/** What a supplier is paid for a pack: the winning bid of a volume-based product, the group's price otherwise. */
export function purchasePriceFen(drug: Drug): Fen {
  return drug.bidPriceFen ?? drug.unifiedPriceFen;
}

/** Whether two drugs are the same generic in the same dosage form (strength and maker may differ). */
export function sameGenericAndForm(a: Drug, b: Drug): boolean {
  return a.genericName === b.genericName && a.dosageForm === b.dosageForm;
}
