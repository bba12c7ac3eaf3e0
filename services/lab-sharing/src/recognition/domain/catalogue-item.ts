import { type FieldViolation } from '@medgrid/errors';
import { DATA_CLASSES, type DataClass } from '../../common/data-class';
import { ITEM_KINDS, type ItemKind } from '../../common/exam-kinds';
import { LOINC_PROBLEM_TEXT, loincProblem } from './loinc-code';

/** Where a recognised result counts: any institution of the region (the city), or only the ordering site's group. */
export const RECOGNITION_SCOPES = ['region', 'group'] as const;
export type RecognitionScope = (typeof RECOGNITION_SCOPES)[number];

/**
 * What the performing institution must have shown for its result to be recognised; any one listed suffices:
 * accreditation of its laboratory (ISO 15189 by CNAS) or a pass in the current external quality assessment
 * (室间质评) for laboratories, the image quality-control pass (影像质控合格) for imaging.
 */
export const QUALITY_CONDITIONS = ['accreditation', 'quality-control'] as const;
export type QualityCondition = (typeof QUALITY_CONDITIONS)[number];

export interface RecognitionRule {
  /** Days a result stays valid for recognition after it was performed. */
  readonly validityDays: number;
  readonly scope: RecognitionScope;
  /** Any one suffices; none listed means none asked. */
  readonly quality: readonly QualityCondition[];
}

/** DICOM modality codes the catalogue's imaging and ECG items are performed on. */
export const MODALITIES = ['DX', 'CR', 'CT', 'MR', 'US', 'MG', 'NM', 'PT', 'XA', 'RF', 'ECG'] as const;
export type Modality = (typeof MODALITIES)[number];

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
export type Specimen = (typeof SPECIMENS)[number];

/**
 * An item of a region's catalogue (检查检验项目): what can be ordered from a shared centre and, when it carries a
 * recognition rule, what is mutually recognised (互认项目). `code` is the catalogue's own key; `nationalCode` the
 * national or provincial item code (the province's price-item code) when the region has entered it; `loinc` the
 * LOINC code where one exists.
 */
export interface CatalogueItem {
  readonly code: string;
  readonly nationalCode: string | null;
  readonly loinc: string | null;
  readonly name: string;
  readonly kind: ItemKind;
  /** Imaging and ECG: the modality it is performed on. */
  readonly modality: Modality | null;
  /** Imaging: the body part examined (kebab-case English, e.g. `chest`, `lumbar-spine`). */
  readonly bodyPart: string | null;
  /** Laboratory and pathology: what is sampled. */
  readonly specimen: Specimen | null;
  readonly dataClass: DataClass;
  /** Null: orderable from a centre but not mutually recognised. */
  readonly recognition: RecognitionRule | null;
}

const CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const NATIONAL_CODE = /^[0-9A-Z.-]{4,30}$/;
const BODY_PART = /^[a-z]+(?:-[a-z]+)*$/;
export const CODE_MAX = 32;
export const NAME_MAX = 100;
/** Ten years: longer than any result stays clinically current, but a blood group is recognised for life. */
export const VALIDITY_DAYS_MAX = 36_500;

/** Every rule a catalogue item breaks, as field violations under `path` (e.g. `items[3]`). */
export function catalogueItemViolations(item: CatalogueItem, path: string): FieldViolation[] {
  const found: FieldViolation[] = [];
  const add = (field: string, reason: string, description: string) =>
    found.push({ field: `${path}.${field}`, reason, description });

  if (!CODE.test(item.code) || item.code.length > CODE_MAX) {
    add(
      'code',
      'INVALID_FORMAT',
      `upper-case letters and digits in hyphen-joined parts, at most ${CODE_MAX}`,
    );
  }
  if (item.nationalCode !== null && !NATIONAL_CODE.test(item.nationalCode)) {
    add('nationalCode', 'INVALID_FORMAT', '4-30 digits, upper-case letters, dots or hyphens');
  }
  if (item.loinc !== null) {
    const problem = loincProblem(item.loinc);
    if (problem) add('loinc', problem, LOINC_PROBLEM_TEXT[problem]);
  }
  if (!item.name.trim() || item.name.length > NAME_MAX)
    add('name', 'INVALID_LENGTH', `1-${NAME_MAX} characters`);
  if (!(ITEM_KINDS as readonly string[]).includes(item.kind)) {
    add('kind', 'UNKNOWN_VALUE', `one of ${ITEM_KINDS.join(', ')}`);
  }
  if (!(DATA_CLASSES as readonly string[]).includes(item.dataClass)) {
    add('dataClass', 'UNKNOWN_VALUE', `one of ${DATA_CLASSES.join(', ')}`);
  }
  const needsModality = item.kind === 'imaging' || item.kind === 'ecg';
  if (needsModality !== (item.modality !== null)) {
    add(
      'modality',
      needsModality ? 'REQUIRED' : 'NOT_APPLICABLE',
      'imaging and ECG items, and only they, name a modality',
    );
  } else if (item.modality !== null && !(MODALITIES as readonly string[]).includes(item.modality)) {
    add('modality', 'UNKNOWN_VALUE', `a DICOM modality: ${MODALITIES.join(', ')}`);
  } else if (item.modality !== null && (item.kind === 'ecg') !== (item.modality === 'ECG')) {
    add('modality', 'DOES_NOT_FIT_KIND', 'ECG items are performed on the ECG modality, imaging items never');
  }
  if ((item.kind === 'imaging') !== (item.bodyPart !== null)) {
    add(
      'bodyPart',
      item.kind === 'imaging' ? 'REQUIRED' : 'NOT_APPLICABLE',
      'imaging items, and only they, name a body part',
    );
  } else if (item.bodyPart !== null && !BODY_PART.test(item.bodyPart)) {
    add('bodyPart', 'INVALID_FORMAT', 'lower-case English words joined by hyphens');
  }
  const needsSpecimen = item.kind === 'laboratory' || item.kind === 'pathology';
  if (needsSpecimen !== (item.specimen !== null)) {
    add(
      'specimen',
      needsSpecimen ? 'REQUIRED' : 'NOT_APPLICABLE',
      'laboratory and pathology items, and only they, name a specimen',
    );
  } else if (item.specimen !== null && !(SPECIMENS as readonly string[]).includes(item.specimen)) {
    add('specimen', 'UNKNOWN_VALUE', `one of ${SPECIMENS.join(', ')}`);
  }
  const rule = item.recognition;
  if (rule !== null) {
    if (
      !Number.isInteger(rule.validityDays) ||
      rule.validityDays < 1 ||
      rule.validityDays > VALIDITY_DAYS_MAX
    ) {
      add(
        'recognition.validityDays',
        'OUT_OF_RANGE',
        `a whole number of days from 1 to ${VALIDITY_DAYS_MAX}`,
      );
    }
    if (!(RECOGNITION_SCOPES as readonly string[]).includes(rule.scope)) {
      add('recognition.scope', 'UNKNOWN_VALUE', `one of ${RECOGNITION_SCOPES.join(', ')}`);
    }
    rule.quality.forEach((condition, index) => {
      if (!(QUALITY_CONDITIONS as readonly string[]).includes(condition)) {
        add(`recognition.quality[${index}]`, 'UNKNOWN_VALUE', `one of ${QUALITY_CONDITIONS.join(', ')}`);
      } else if (rule.quality.indexOf(condition) !== index) {
        add(`recognition.quality[${index}]`, 'DUPLICATE', 'each condition once');
      }
    });
    if (item.kind === 'remote-consultation') {
      add('recognition', 'NOT_APPLICABLE', 'a consultation is not a result to recognise');
    }
  }
  return found;
}
