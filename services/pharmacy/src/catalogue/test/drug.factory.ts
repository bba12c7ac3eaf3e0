import { type Drug } from '../domain/drug';

/** Amlodipine besylate 5 mg tablets, 28 a box: essential, a volume-based procurement winner, every level. */
export function aDrug(overrides: Partial<Drug> = {}): Drug {
  return {
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
    ...overrides,
  };
}

/** The originator's amlodipine 5 mg tablets: same generic and form, not essential-priced, not volume-based. */
export function anOriginatorDrug(overrides: Partial<Drug> = {}): Drug {
  return aDrug({
    code: 'XC08CAA014A001010100001',
    manufacturer: '原研企业乙',
    essential: false,
    volumeBased: false,
    bidPriceFen: null,
    unifiedPriceFen: 2680,
    listPriceFen: 2980,
    levels: ['tertiary', 'secondary'],
    ...overrides,
  });
}

/** Metformin hydrochloride 0.5 g tablets, 48 a box: essential, volume-based, every level. */
export function aMetforminDrug(overrides: Partial<Drug> = {}): Drug {
  return aDrug({
    code: 'XA10BAE019A001020100212',
    genericName: '盐酸二甲双胍',
    strength: '0.5g',
    packSize: 48,
    bidPriceFen: 250,
    unifiedPriceFen: 250,
    listPriceFen: 1200,
    ...overrides,
  });
}

/** A catalogue CSV row for `drug`, cell by column as a file carries it. */
export function rowOf(drug: Drug, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    code: drug.code,
    generic_name: drug.genericName,
    dosage_form: drug.dosageForm,
    strength: drug.strength,
    pack_size: String(drug.packSize),
    unit: drug.unit,
    pack_unit: drug.packUnit,
    manufacturer: drug.manufacturer,
    supplier: drug.supplier,
    essential: String(drug.essential),
    volume_based: String(drug.volumeBased),
    bid_price_fen: drug.bidPriceFen === null ? '' : String(drug.bidPriceFen),
    unified_price_fen: String(drug.unifiedPriceFen),
    list_price_fen: String(drug.listPriceFen),
    insurance_category: drug.insuranceCategory,
    levels: drug.levels.join('|'),
    ...overrides,
  };
}
