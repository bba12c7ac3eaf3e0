import { type CatalogueItem } from '../domain/catalogue-item';

/** A recognised laboratory item (fasting glucose, 7 days, region-wide, accreditation or QC), changed as asked. */
export function aLabItem(overrides: Partial<CatalogueItem> = {}): CatalogueItem {
  return {
    code: 'LAB-GLU',
    nationalCode: null,
    loinc: '14771-0',
    name: '空腹血糖',
    kind: 'laboratory',
    modality: null,
    bodyPart: null,
    specimen: 'serum',
    dataClass: 'general',
    recognition: { validityDays: 7, scope: 'region', quality: ['accreditation', 'quality-control'] },
    ...overrides,
  };
}

/** A recognised imaging item (plain chest CT, 30 days, region-wide, image QC), changed as asked. */
export function anImagingItem(overrides: Partial<CatalogueItem> = {}): CatalogueItem {
  return {
    code: 'CT-CHEST',
    nationalCode: null,
    loinc: null,
    name: '胸部CT平扫',
    kind: 'imaging',
    modality: 'CT',
    bodyPart: 'chest',
    specimen: null,
    dataClass: 'general',
    recognition: { validityDays: 30, scope: 'region', quality: ['quality-control'] },
    ...overrides,
  };
}
