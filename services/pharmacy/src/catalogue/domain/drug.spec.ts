import { aDrug, anOriginatorDrug } from '../test/drug.factory';
import { type Drug, dosageFormOf, drugViolations, purchasePriceFen, sameGenericAndForm } from './drug';

const fieldsOf = (drug: Drug) => drugViolations(drug, 'drug').map((v) => [v.field, v.reason]);

describe(drugViolations.name, () => {
  const sut = drugViolations;

  it.each([
    ['a volume-based essential drug', aDrug()],
    ['an originator product without a bid', anOriginatorDrug()],
    ['a free drug (price 0)', aDrug({ unifiedPriceFen: 0, bidPriceFen: 0, listPriceFen: 0 })],
    [
      'a category C drug for the hospital only',
      anOriginatorDrug({ insuranceCategory: 'C', levels: ['tertiary'] }),
    ],
  ])('takes %s', (_, drug) => {
    expect(sut(drug, 'drug')).toEqual([]);
  });

  it('names every broken field at once, under the path it is given, in the order of the fields', () => {
    const drug = aDrug({ code: 'X123', genericName: ' ', packSize: 0, unifiedPriceFen: 12.5, levels: [] });

    expect(sut(drug, 'drugs[4]').map((v) => [v.field, v.reason])).toEqual([
      ['drugs[4].code', 'INVALID_LENGTH'],
      ['drugs[4].genericName', 'INVALID_LENGTH'],
      ['drugs[4].packSize', 'OUT_OF_RANGE'],
      ['drugs[4].unifiedPriceFen', 'NOT_FEN'],
      ['drugs[4].levels', 'REQUIRED'],
    ]);
  });

  it.each([
    ['a price in yuan with decimals', aDrug({ listPriceFen: 13.5 }), 'drug.listPriceFen', 'NOT_FEN'],
    ['a negative price', aDrug({ bidPriceFen: -1 }), 'drug.bidPriceFen', 'NOT_FEN'],
    [
      'a price beyond any real one',
      aDrug({ listPriceFen: 100_000_001 }),
      'drug.listPriceFen',
      'OUT_OF_RANGE',
    ],
    ['a volume-based drug without its bid', aDrug({ bidPriceFen: null }), 'drug.bidPriceFen', 'REQUIRED'],
    [
      'a bid on a drug not volume-based',
      anOriginatorDrug({ bidPriceFen: 100 }),
      'drug.bidPriceFen',
      'NOT_APPLICABLE',
    ],
    ['an unknown dosage form', aDrug({ dosageForm: 'pill' as never }), 'drug.dosageForm', 'UNKNOWN_VALUE'],
    [
      'an unknown insurance category',
      aDrug({ insuranceCategory: 'D' as never }),
      'drug.insuranceCategory',
      'UNKNOWN_VALUE',
    ],
    ['a fractional pack', aDrug({ packSize: 1.5 }), 'drug.packSize', 'OUT_OF_RANGE'],
    ['an empty manufacturer', aDrug({ manufacturer: '' }), 'drug.manufacturer', 'INVALID_LENGTH'],
    ['an empty supplier', aDrug({ supplier: '  ' }), 'drug.supplier', 'INVALID_LENGTH'],
    ['a strength longer than 50', aDrug({ strength: 'x'.repeat(51) }), 'drug.strength', 'INVALID_LENGTH'],
    ['a lower-case code', aDrug({ code: 'xc08caa014a001010100535' }), 'drug.code', 'INVALID_FORMAT'],
  ])('refuses %s', (_, drug, field, reason) => {
    expect(fieldsOf(drug)).toEqual([[field, reason]]);
  });

  it('refuses an unknown level and a level named twice, each by its index', () => {
    expect(fieldsOf(aDrug({ levels: ['primary', 'village' as never, 'primary'] }))).toEqual([
      ['drug.levels[1]', 'UNKNOWN_VALUE'],
      ['drug.levels[2]', 'DUPLICATE'],
    ]);
  });
});

describe(purchasePriceFen.name, () => {
  const sut = purchasePriceFen;

  it('pays the winning bid for a volume-based drug and the group price otherwise', () => {
    expect(sut(aDrug({ bidPriceFen: 180, unifiedPriceFen: 196 }))).toBe(180);
    expect(sut(anOriginatorDrug({ unifiedPriceFen: 2680 }))).toBe(2680);
  });
});

describe(sameGenericAndForm.name, () => {
  const sut = sameGenericAndForm;

  it('matches another strength or maker of the same generic and form, not another form', () => {
    expect(sut(aDrug(), anOriginatorDrug({ strength: '10mg' }))).toBe(true);
    expect(sut(aDrug(), aDrug({ dosageForm: 'capsule' }))).toBe(false);
    expect(sut(aDrug(), aDrug({ genericName: '硝苯地平' }))).toBe(false);
  });
});

describe(dosageFormOf.name, () => {
  const sut = dosageFormOf;

  it('reads a form by its code or its Chinese name, and nothing else', () => {
    expect(sut('sustained-release-tablet')).toBe('sustained-release-tablet');
    expect(sut('缓释片')).toBe('sustained-release-tablet');
    expect(sut('pill')).toBeNull();
    expect(sut('toString')).toBeNull();
  });
});
