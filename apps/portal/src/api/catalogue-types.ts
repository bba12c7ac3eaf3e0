/**
 * The three catalogues as the gateway answers them, proto3 JSON (camelCase, enums by name, fields at their default
 * left out): referral's criteria, lab-sharing's recognition catalogue of the city, a group's drug catalogue.
 */

export const GREEN_CHANNELS = [
  'GREEN_CHANNEL_UNSPECIFIED',
  'GREEN_CHANNEL_CHEST_PAIN',
  'GREEN_CHANNEL_STROKE',
] as const;
export type GreenChannel = (typeof GREEN_CHANNELS)[number];

export const CRITERIA_SOURCE_KINDS = ['national', 'provincial', 'professional'] as const;
export type CriteriaSourceKind = (typeof CRITERIA_SOURCE_KINDS)[number];

/** An upward indication (上转指征) or a downward stability criterion (下转标准). */
export interface Criterion {
  code: string;
  zh: string;
  en: string;
}

export interface CriteriaSource {
  kind: string;
  issuer: string;
  title: string;
}

/** One disease of the referral criteria catalogue (双向转诊标准). */
export interface DiseaseCriteria {
  /** The first covered code or range; the catalogue's, ignored on a put. */
  key?: string;
  covers?: string[];
  nameZh?: string;
  nameEn?: string;
  specialtyCode?: string;
  primaryManageable?: boolean;
  greenChannel?: GreenChannel;
  upwardIndications?: Criterion[];
  downwardCriteria?: Criterion[];
  sources?: CriteriaSource[];
  updatedAt?: string;
}

export const ITEM_KINDS = ['laboratory', 'imaging', 'ecg', 'pathology', 'remote-consultation'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const DATA_CLASSES = ['general', 'infectious-disease', 'psychiatric'] as const;
export const MODALITIES = ['DX', 'CR', 'CT', 'MR', 'US', 'MG', 'NM', 'PT', 'XA', 'RF', 'ECG'] as const;
export const SPECIMENS = [
  'whole-blood',
  'serum',
  'plasma',
  'arterial-blood',
  'urine',
  'stool',
  'tissue',
  'cells',
] as const;
export const RECOGNITION_SCOPES = ['RECOGNITION_SCOPE_REGION', 'RECOGNITION_SCOPE_GROUP'] as const;
export type RecognitionScope = (typeof RECOGNITION_SCOPES)[number];
export const QUALITY_CONDITIONS = ['accreditation', 'quality-control'] as const;

export interface RecognitionRule {
  validityDays?: number;
  scope?: RecognitionScope | 'RECOGNITION_SCOPE_UNSPECIFIED';
  quality?: string[];
}

/** An item of the city's recognition catalogue (检查检验结果互认目录). */
export interface RecognitionItem {
  code: string;
  nationalCode?: string;
  loinc?: string;
  name?: string;
  kind?: string;
  modality?: string;
  bodyPart?: string;
  specimen?: string;
  dataClass?: string;
  /** Absent: orderable but not mutually recognised. */
  recognition?: RecognitionRule;
}

export interface RecognitionCatalogueHead {
  regionId: string;
  version?: number;
  changedAt?: string;
  itemCount?: number;
}

export interface RecognitionCataloguePage {
  catalogue?: RecognitionCatalogueHead;
  items?: RecognitionItem[];
  nextPageToken?: string;
}

export const DOSAGE_FORMS = [
  'tablet',
  'film-coated-tablet',
  'enteric-coated-tablet',
  'sustained-release-tablet',
  'controlled-release-tablet',
  'dispersible-tablet',
  'capsule',
  'sustained-release-capsule',
  'enteric-coated-capsule',
  'granules',
  'oral-solution',
  'injection',
  'powder-for-injection',
  'pre-filled-pen',
  'inhalation-aerosol',
  'inhalation-powder',
  'inhalation-solution',
  'eye-drops',
  'ointment',
  'patch',
  'sublingual-tablet',
] as const;
export type DosageForm = (typeof DOSAGE_FORMS)[number];
export const INSURANCE_CATEGORIES = ['A', 'B', 'C'] as const;
export const DRUG_LEVELS = ['tertiary', 'secondary', 'primary'] as const;

/** A drug of a group's catalogue (药品目录); prices per pack in integer fen (64-bit: a number or a string). */
export interface Drug {
  code: string;
  genericName?: string;
  dosageForm?: string;
  strength?: string;
  packSize?: number;
  unit?: string;
  packUnit?: string;
  manufacturer?: string;
  supplier?: string;
  /** 国家基本药物. */
  essential?: boolean;
  /** 国家集中带量采购; then bidPriceFen is set. */
  volumeBased?: boolean;
  bidPriceFen?: number | string;
  unifiedPriceFen?: number | string;
  listPriceFen?: number | string;
  /** A (甲), B (乙) or C (丙). */
  insuranceCategory?: string;
  levels?: string[];
}

export interface DrugCatalogueHead {
  groupId: string;
  version?: number;
  changedAt?: string;
  drugCount?: number;
}

export interface DrugCataloguePage {
  catalogue?: DrugCatalogueHead;
  drugs?: Drug[];
  nextPageToken?: string;
}
