import { DOSAGE_FORMS, type Drug, DRUG_LEVELS, INSURANCE_CATEGORIES } from '../api/catalogue-types';
import { checkLength, type Problem, wholeNumberOf } from './form-problems';

/** The drug form as a group's administrator fills it: prices typed in yuan, as on a price list. */
export interface DrugDraft {
  code: string;
  genericName: string;
  dosageForm: string;
  strength: string;
  packSize: string;
  unit: string;
  packUnit: string;
  manufacturer: string;
  supplier: string;
  essential: boolean;
  volumeBased: boolean;
  /** Yuan, e.g. "1.96". */
  bidPrice: string;
  unifiedPrice: string;
  listPrice: string;
  insuranceCategory: string;
  levels: string[];
}

export function emptyDrugDraft(): DrugDraft {
  return {
    code: '',
    genericName: '',
    dosageForm: 'tablet',
    strength: '',
    packSize: '',
    unit: '',
    packUnit: '',
    manufacturer: '',
    supplier: '',
    essential: false,
    volumeBased: false,
    bidPrice: '',
    unifiedPrice: '',
    listPrice: '',
    insuranceCategory: 'A',
    levels: [...DRUG_LEVELS],
  };
}

/** ¥1,000,000 a pack, as pharmacy caps a price: a price typed in the wrong unit is caught. */
export const PRICE_MAX_FEN = 100_000_000;

/**
 * Integer fen of a price typed in yuan ("12.5", "12.50", "¥1,234.00" are 1250, 1250 and 123400), with integer
 * arithmetic only; null when it is not a price (negative, more than two decimals, not a number).
 */
export function fenOfYuan(text: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(
    text
      .trim()
      .replace(/^[¥￥]/, '')
      .replace(/,/g, ''),
  );
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The yuan a form shows for integer fen (1250 → "12.50"); empty for no price. */
export function yuanOfFen(fen: number | string | undefined): string {
  if (fen === undefined || fen === '') return '';
  const amount = BigInt(fen);
  const sign = amount < 0n ? '-' : '';
  const abs = amount < 0n ? -amount : amount;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A drug of the catalogue as the form edits it. */
export function drugDraftOf(drug: Drug): DrugDraft {
  return {
    code: drug.code,
    genericName: drug.genericName ?? '',
    dosageForm: drug.dosageForm ?? '',
    strength: drug.strength ?? '',
    packSize: drug.packSize === undefined ? '' : String(drug.packSize),
    unit: drug.unit ?? '',
    packUnit: drug.packUnit ?? '',
    manufacturer: drug.manufacturer ?? '',
    supplier: drug.supplier ?? '',
    essential: drug.essential ?? false,
    volumeBased: drug.volumeBased ?? false,
    bidPrice: yuanOfFen(drug.bidPriceFen),
    unifiedPrice: yuanOfFen(drug.unifiedPriceFen ?? 0),
    listPrice: yuanOfFen(drug.listPriceFen ?? 0),
    insuranceCategory: drug.insuranceCategory ?? '',
    levels: [...(drug.levels ?? [])],
  };
}

/**
 * The drug PutDrug lists, prices in fen; call it once checkDrug found nothing (a price that is not one is sent as
 * -1, for the service to refuse). A product not of volume-based procurement carries no bid price.
 */
export function drugOf(draft: DrugDraft): Drug {
  const fen = (yuan: string) => fenOfYuan(yuan) ?? -1;
  return {
    code: draft.code.trim().toUpperCase(),
    genericName: draft.genericName.trim(),
    dosageForm: draft.dosageForm,
    strength: draft.strength.trim(),
    packSize: wholeNumberOf(draft.packSize) ?? 0,
    unit: draft.unit.trim(),
    packUnit: draft.packUnit.trim(),
    manufacturer: draft.manufacturer.trim(),
    supplier: draft.supplier.trim(),
    essential: draft.essential,
    volumeBased: draft.volumeBased,
    ...(draft.volumeBased ? { bidPriceFen: fen(draft.bidPrice) } : {}),
    unifiedPriceFen: fen(draft.unifiedPrice),
    listPriceFen: fen(draft.listPrice),
    insuranceCategory: draft.insuranceCategory,
    levels: DRUG_LEVELS.filter((level) => draft.levels.includes(level)),
  };
}

/** What is wrong with a national insurance drug code (23 characters, X + ATC subgroup or Z), or null. */
export function drugCodeProblem(code: string): Problem | null {
  const field = 'drug.code';
  if (code === '') return { field, reason: 'REQUIRED' };
  if (code.length !== 23) return { field, reason: 'INVALID_LENGTH', message: 'DRUG_CODE_LENGTH' };
  if (!/^[A-Z0-9]+$/.test(code)) return { field, reason: 'INVALID_FORMAT', message: 'DRUG_CODE_CHARACTERS' };
  if (code[0] !== 'X' && code[0] !== 'Z') return { field, reason: 'UNKNOWN_KIND' };
  if (code[0] === 'X' && !/^[A-Z][0-9]{2}[A-Z]{2}$/.test(code.slice(1, 6))) {
    return { field, reason: 'INVALID_ATC_GROUP' };
  }
  return null;
}

/** What pharmacy would refuse in the drug, each field named as its answer names it (`drug.unifiedPriceFen`). */
export function checkDrug(draft: DrugDraft): Problem[] {
  const problems: Problem[] = [];
  const code = drugCodeProblem(draft.code.trim().toUpperCase());
  if (code) problems.push(code);
  checkLength(problems, 'drug.genericName', draft.genericName, 50);
  if (!(DOSAGE_FORMS as readonly string[]).includes(draft.dosageForm)) {
    problems.push({ field: 'drug.dosageForm', reason: 'UNKNOWN_VALUE' });
  }
  checkLength(problems, 'drug.strength', draft.strength, 50);
  const packSize = wholeNumberOf(draft.packSize);
  if (packSize === null || packSize < 1 || packSize > 10_000) {
    problems.push({ field: 'drug.packSize', reason: 'OUT_OF_RANGE', message: 'PACK_SIZE' });
  }
  checkLength(problems, 'drug.unit', draft.unit, 10);
  checkLength(problems, 'drug.packUnit', draft.packUnit, 10);
  checkLength(problems, 'drug.manufacturer', draft.manufacturer, 100);
  checkLength(problems, 'drug.supplier', draft.supplier, 100);
  const price = (field: string, yuan: string) => {
    const fen = fenOfYuan(yuan);
    if (yuan.trim() === '') problems.push({ field, reason: 'REQUIRED' });
    else if (fen === null) problems.push({ field, reason: 'NOT_FEN', message: 'NOT_YUAN' });
    else if (fen > PRICE_MAX_FEN) problems.push({ field, reason: 'OUT_OF_RANGE', message: 'PRICE_TOO_HIGH' });
  };
  if (draft.volumeBased) price('drug.bidPriceFen', draft.bidPrice);
  price('drug.unifiedPriceFen', draft.unifiedPrice);
  price('drug.listPriceFen', draft.listPrice);
  if (!(INSURANCE_CATEGORIES as readonly string[]).includes(draft.insuranceCategory)) {
    problems.push({ field: 'drug.insuranceCategory', reason: 'UNKNOWN_VALUE' });
  }
  if (!DRUG_LEVELS.some((level) => draft.levels.includes(level))) {
    problems.push({ field: 'drug.levels', reason: 'REQUIRED' });
  }
  return problems;
}
