import {
  DATA_CLASSES,
  ITEM_KINDS,
  MODALITIES,
  QUALITY_CONDITIONS,
  RECOGNITION_SCOPES,
  type RecognitionItem,
  type RecognitionScope,
  SPECIMENS,
} from '../api/catalogue-types';
import { type Problem, wholeNumberOf } from './form-problems';

/** The item form as a city operator fills it; the parts an item's kind does not use are hidden and sent empty. */
export interface RecognitionDraft {
  code: string;
  nationalCode: string;
  loinc: string;
  name: string;
  kind: string;
  modality: string;
  bodyPart: string;
  specimen: string;
  dataClass: string;
  /** Mutually recognised (互认); else orderable only. */
  recognised: boolean;
  validityDays: string;
  scope: RecognitionScope;
  quality: string[];
}

export function emptyRecognitionDraft(): RecognitionDraft {
  return {
    code: '',
    nationalCode: '',
    loinc: '',
    name: '',
    kind: 'laboratory',
    modality: '',
    bodyPart: '',
    specimen: 'serum',
    dataClass: 'general',
    recognised: true,
    validityDays: '',
    scope: 'RECOGNITION_SCOPE_REGION',
    quality: [],
  };
}

export function recognitionDraftOf(item: RecognitionItem): RecognitionDraft {
  const rule = item.recognition;
  return {
    code: item.code,
    nationalCode: item.nationalCode ?? '',
    loinc: item.loinc ?? '',
    name: item.name ?? '',
    kind: item.kind ?? '',
    modality: item.modality ?? '',
    bodyPart: item.bodyPart ?? '',
    specimen: item.specimen ?? '',
    dataClass: item.dataClass ?? 'general',
    recognised: rule !== undefined,
    validityDays: rule?.validityDays === undefined ? '' : String(rule.validityDays),
    scope: rule?.scope === 'RECOGNITION_SCOPE_GROUP' ? 'RECOGNITION_SCOPE_GROUP' : 'RECOGNITION_SCOPE_REGION',
    quality: [...(rule?.quality ?? [])],
  };
}

/** Which of an item's parts its kind uses: imaging and ECG a modality, imaging a body part, specimens the rest. */
export function partsOf(kind: string): { modality: boolean; bodyPart: boolean; specimen: boolean } {
  return {
    modality: kind === 'imaging' || kind === 'ecg',
    bodyPart: kind === 'imaging',
    specimen: kind === 'laboratory' || kind === 'pathology',
  };
}

/** The item PutCatalogueItem stores, the parts its kind does not use left empty; the code upper case. */
export function recognitionItemOf(draft: RecognitionDraft): RecognitionItem {
  const parts = partsOf(draft.kind);
  const recognised = draft.recognised && draft.kind !== 'remote-consultation';
  return {
    code: draft.code.trim().toUpperCase(),
    nationalCode: draft.nationalCode.trim(),
    loinc: draft.loinc.trim(),
    name: draft.name.trim(),
    kind: draft.kind,
    modality: parts.modality ? (draft.kind === 'ecg' ? 'ECG' : draft.modality) : '',
    bodyPart: parts.bodyPart ? draft.bodyPart.trim() : '',
    specimen: parts.specimen ? draft.specimen : '',
    dataClass: draft.dataClass,
    ...(recognised
      ? {
          recognition: {
            validityDays: wholeNumberOf(draft.validityDays) ?? 0,
            scope: draft.scope,
            quality: QUALITY_CONDITIONS.filter((q) => draft.quality.includes(q)),
          },
        }
      : {}),
  };
}

/** LOINC's mod-10 check digit over the digits before the hyphen. */
export function loincCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    const weighted = i % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return (10 - (sum % 10)) % 10;
}

const CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const NATIONAL_CODE = /^[0-9A-Z.-]{4,30}$/;
const BODY_PART = /^[a-z]+(?:-[a-z]+)*$/;
const LOINC = /^(\d{1,7})-(\d)$/;

/** What lab-sharing would refuse in the item, each field named as its answer names it (`item.recognition.scope`). */
export function checkRecognitionItem(draft: RecognitionDraft): Problem[] {
  const problems: Problem[] = [];
  const item = recognitionItemOf(draft);
  if (!CODE.test(item.code) || item.code.length > 32) {
    problems.push({ field: 'item.code', reason: 'INVALID_FORMAT', message: 'ITEM_CODE' });
  }
  if (item.nationalCode && !NATIONAL_CODE.test(item.nationalCode)) {
    problems.push({ field: 'item.nationalCode', reason: 'INVALID_FORMAT', message: 'NATIONAL_CODE' });
  }
  if (item.loinc) {
    const shape = LOINC.exec(item.loinc);
    if (!shape) problems.push({ field: 'item.loinc', reason: 'INVALID_FORMAT', message: 'LOINC_FORMAT' });
    else if (loincCheckDigit(shape[1]!) !== Number(shape[2])) {
      problems.push({ field: 'item.loinc', reason: 'INVALID_CHECK_DIGIT' });
    }
  }
  if (!item.name || item.name.length > 100) {
    problems.push({ field: 'item.name', reason: 'INVALID_LENGTH', params: { max: 100 } });
  }
  if (!(ITEM_KINDS as readonly string[]).includes(draft.kind)) {
    problems.push({ field: 'item.kind', reason: 'UNKNOWN_VALUE' });
  }
  if (!(DATA_CLASSES as readonly string[]).includes(draft.dataClass)) {
    problems.push({ field: 'item.dataClass', reason: 'UNKNOWN_VALUE' });
  }
  const parts = partsOf(draft.kind);
  if (parts.modality && !(MODALITIES as readonly string[]).includes(item.modality ?? '')) {
    problems.push({ field: 'item.modality', reason: item.modality ? 'UNKNOWN_VALUE' : 'REQUIRED' });
  } else if (draft.kind === 'imaging' && item.modality === 'ECG') {
    problems.push({ field: 'item.modality', reason: 'DOES_NOT_FIT_KIND' });
  }
  if (parts.bodyPart && !item.bodyPart) problems.push({ field: 'item.bodyPart', reason: 'REQUIRED' });
  else if (parts.bodyPart && !BODY_PART.test(item.bodyPart ?? '')) {
    problems.push({ field: 'item.bodyPart', reason: 'INVALID_FORMAT', message: 'BODY_PART' });
  }
  if (parts.specimen && !(SPECIMENS as readonly string[]).includes(item.specimen ?? '')) {
    problems.push({ field: 'item.specimen', reason: item.specimen ? 'UNKNOWN_VALUE' : 'REQUIRED' });
  }
  const rule = item.recognition;
  if (rule) {
    const days = wholeNumberOf(draft.validityDays);
    if (days === null || days < 1 || days > 36_500) {
      problems.push({
        field: 'item.recognition.validityDays',
        reason: 'OUT_OF_RANGE',
        message: 'VALIDITY_DAYS',
      });
    }
    if (!(RECOGNITION_SCOPES as readonly string[]).includes(rule.scope ?? '')) {
      problems.push({ field: 'item.recognition.scope', reason: 'UNKNOWN_VALUE' });
    }
  }
  return problems;
}
