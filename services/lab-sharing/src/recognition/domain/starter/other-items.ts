import { type CatalogueItem } from '../catalogue-item';

/**
 * What the ECG, pathology and remote-consultation centres take. A resting ECG is recognised inside the group for
 * 7 days (platform default): the trace is read by the group's ECG centre, whose quality control is the group's
 * own. Pathology and consultations are orderable only: a specimen examined once is not examined again anyway, and
 * a consultation is not a result.
 */
const base = {
  nationalCode: null,
  loinc: null,
  bodyPart: null,
  dataClass: 'general',
} as const;

export const OTHER_ITEMS: readonly CatalogueItem[] = [
  {
    ...base,
    code: 'ECG-12-LEAD',
    name: '常规十二导联心电图',
    kind: 'ecg',
    modality: 'ECG',
    specimen: null,
    recognition: { validityDays: 7, scope: 'group', quality: ['quality-control'] },
  },
  {
    ...base,
    code: 'ECG-HOLTER',
    name: '24小时动态心电图',
    kind: 'ecg',
    modality: 'ECG',
    specimen: null,
    recognition: { validityDays: 30, scope: 'group', quality: ['quality-control'] },
  },
  {
    ...base,
    code: 'PATH-HISTO',
    name: '组织病理学检查',
    kind: 'pathology',
    modality: null,
    specimen: 'tissue',
    recognition: null,
  },
  {
    ...base,
    code: 'PATH-FROZEN',
    name: '术中冰冻切片检查',
    kind: 'pathology',
    modality: null,
    specimen: 'tissue',
    recognition: null,
  },
  {
    ...base,
    code: 'PATH-CYTO',
    name: '液基细胞学检查',
    kind: 'pathology',
    modality: null,
    specimen: 'cells',
    recognition: null,
  },
  {
    ...base,
    code: 'RC-CONSULT',
    name: '远程会诊',
    kind: 'remote-consultation',
    modality: null,
    specimen: null,
    recognition: null,
  },
];
