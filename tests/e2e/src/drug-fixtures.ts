import { type drugCatalogueServiceV1 } from '@medgrid/contracts';

/**
 * Amlodipine besylate 5 mg tablets, 28 a box: an essential medicine and a winner of volume-based procurement, at
 * every level; the drug the suites list, change and vary (another maker's, a price in yuan by mistake).
 */
export function anAmlodipine(
  overrides: Partial<drugCatalogueServiceV1.Drug> = {},
): drugCatalogueServiceV1.Drug {
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
