import { describe, expect, it } from 'vitest';
import { type Drug } from '../api/catalogue-types';
import {
  checkDrug,
  type DrugDraft,
  drugDraftOf,
  drugOf,
  emptyDrugDraft,
  fenOfYuan,
  yuanOfFen,
} from './drug-form';

const amlodipine: Drug = {
  code: 'XC08CAA014A001010100535',
  genericName: '苯磺酸氨氯地平',
  dosageForm: 'tablet',
  strength: '5mg',
  packSize: 28,
  unit: '片',
  packUnit: '盒',
  manufacturer: '示例制药甲',
  supplier: '配送企业甲',
  essential: true,
  volumeBased: true,
  bidPriceFen: 196,
  unifiedPriceFen: 196,
  listPriceFen: 1350,
  insuranceCategory: 'A',
  levels: ['tertiary', 'secondary', 'primary'],
};

const draft = (changes: Partial<DrugDraft> = {}): DrugDraft => ({ ...drugDraftOf(amlodipine), ...changes });

describe(fenOfYuan.name, () => {
  it('reads yuan as integer fen, with no floating point on the way', () => {
    expect(fenOfYuan('12.5')).toBe(1250);
    expect(fenOfYuan('12.50')).toBe(1250);
    expect(fenOfYuan(' ¥1,234.05 ')).toBe(123405);
    expect(fenOfYuan('0.29')).toBe(29);
    expect(fenOfYuan('7')).toBe(700);
    expect(fenOfYuan('7.')).toBe(700);
  });

  it('refuses what is not a price rather than rounding it', () => {
    expect(fenOfYuan('1.955')).toBeNull();
    expect(fenOfYuan('-1')).toBeNull();
    expect(fenOfYuan('')).toBeNull();
    expect(fenOfYuan('12元')).toBeNull();
  });
});

describe(yuanOfFen.name, () => {
  it('writes fen as yuan for a form, from a number or the string a 64-bit integer may arrive as', () => {
    expect(yuanOfFen(196)).toBe('1.96');
    expect(yuanOfFen('1350')).toBe('13.50');
    expect(yuanOfFen(5)).toBe('0.05');
    expect(yuanOfFen(undefined)).toBe('');
  });
});

describe(drugOf.name, () => {
  it('gives back the drug it was drafted from, prices in fen', () => {
    expect(drugOf(draft())).toEqual(amlodipine);
  });

  it('sends no bid price for a product not of volume-based procurement, the code upper case', () => {
    const drug = drugOf(draft({ volumeBased: false, code: ' xc08caa014a001010100535 ' }));

    expect(drug).not.toHaveProperty('bidPriceFen');
    expect(drug.code).toBe('XC08CAA014A001010100535');
  });
});

describe(checkDrug.name, () => {
  it('finds nothing wrong with a whole drug', () => {
    expect(checkDrug(draft())).toEqual([]);
  });

  it('names every field of an empty form as pharmacy names it', () => {
    expect(
      checkDrug({ ...emptyDrugDraft(), volumeBased: true, levels: [] }).map((p) => [p.field, p.reason]),
    ).toEqual([
      ['drug.code', 'REQUIRED'],
      ['drug.genericName', 'INVALID_LENGTH'],
      ['drug.strength', 'INVALID_LENGTH'],
      ['drug.packSize', 'OUT_OF_RANGE'],
      ['drug.unit', 'INVALID_LENGTH'],
      ['drug.packUnit', 'INVALID_LENGTH'],
      ['drug.manufacturer', 'INVALID_LENGTH'],
      ['drug.supplier', 'INVALID_LENGTH'],
      ['drug.bidPriceFen', 'REQUIRED'],
      ['drug.unifiedPriceFen', 'REQUIRED'],
      ['drug.listPriceFen', 'REQUIRED'],
      ['drug.levels', 'REQUIRED'],
    ]);
  });

  it('refuses a bad code, a price with three decimals or above the cap, and an unknown category', () => {
    const problems = checkDrug(
      draft({
        code: 'YC08CAA014A001010100535',
        unifiedPrice: '1.955',
        listPrice: '1000000.01',
        insuranceCategory: 'D',
      }),
    );

    expect(problems.map((p) => [p.field, p.reason, p.message])).toEqual([
      ['drug.code', 'UNKNOWN_KIND', undefined],
      ['drug.unifiedPriceFen', 'NOT_FEN', 'NOT_YUAN'],
      ['drug.listPriceFen', 'OUT_OF_RANGE', 'PRICE_TOO_HIGH'],
      ['drug.insuranceCategory', 'UNKNOWN_VALUE', undefined],
    ]);
  });

  it('checks a Western drug code for its ATC subgroup and its length', () => {
    expect(checkDrug(draft({ code: 'X1234AA014A001010100535' }))[0]?.reason).toBe('INVALID_ATC_GROUP');
    expect(checkDrug(draft({ code: 'XC08CA' }))[0]).toMatchObject({
      reason: 'INVALID_LENGTH',
      message: 'DRUG_CODE_LENGTH',
    });
  });
});
