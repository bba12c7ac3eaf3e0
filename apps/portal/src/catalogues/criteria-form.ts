import {
  CRITERIA_SOURCE_KINDS,
  type DiseaseCriteria,
  GREEN_CHANNELS,
  type GreenChannel,
} from '../api/catalogue-types';
import { checkRequiredText, HAN, type Problem } from './form-problems';

export interface CriterionDraft {
  code: string;
  zh: string;
  en: string;
}

export interface SourceDraft {
  kind: string;
  issuer: string;
  title: string;
}

/** The criteria form as the operator fills it: the covered codes as one text, "I10-I13, I15". */
export interface CriteriaDraft {
  covers: string;
  nameZh: string;
  nameEn: string;
  specialtyCode: string;
  primaryManageable: boolean;
  greenChannel: GreenChannel;
  upwardIndications: CriterionDraft[];
  downwardCriteria: CriterionDraft[];
  sources: SourceDraft[];
}

export const emptyCriterion = (): CriterionDraft => ({ code: '', zh: '', en: '' });
export const emptySource = (): SourceDraft => ({ kind: 'national', issuer: '', title: '' });

export function emptyCriteriaDraft(): CriteriaDraft {
  return {
    covers: '',
    nameZh: '',
    nameEn: '',
    specialtyCode: '',
    primaryManageable: true,
    greenChannel: 'GREEN_CHANNEL_UNSPECIFIED',
    upwardIndications: [emptyCriterion()],
    downwardCriteria: [emptyCriterion()],
    sources: [emptySource()],
  };
}

/** An entry of the catalogue as the form edits it. */
export function criteriaDraftOf(entry: DiseaseCriteria): CriteriaDraft {
  const criteria = (list: DiseaseCriteria['upwardIndications']) =>
    (list ?? []).map((c) => ({ code: c.code ?? '', zh: c.zh ?? '', en: c.en ?? '' }));
  return {
    covers: (entry.covers ?? []).join(', '),
    nameZh: entry.nameZh ?? '',
    nameEn: entry.nameEn ?? '',
    specialtyCode: entry.specialtyCode ?? '',
    primaryManageable: entry.primaryManageable ?? false,
    greenChannel: entry.greenChannel ?? 'GREEN_CHANNEL_UNSPECIFIED',
    upwardIndications: criteria(entry.upwardIndications),
    downwardCriteria: criteria(entry.downwardCriteria),
    sources: (entry.sources ?? []).map((s) => ({
      kind: s.kind ?? '',
      issuer: s.issuer ?? '',
      title: s.title ?? '',
    })),
  };
}

/** The covered codes of the form's text: split at commas (either width) and spaces. */
export function coversOf(text: string): string[] {
  return text
    .split(/[,，\s]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

/** The entry PutCriteria stores, texts trimmed; its key is its first covered code, the service's to set. */
export function criteriaEntryOf(draft: CriteriaDraft): DiseaseCriteria {
  const criteria = (list: CriterionDraft[]) =>
    list.map((c) => ({ code: c.code.trim(), zh: c.zh.trim(), en: c.en.trim() }));
  return {
    covers: coversOf(draft.covers),
    nameZh: draft.nameZh.trim(),
    nameEn: draft.nameEn.trim(),
    specialtyCode: draft.specialtyCode.trim(),
    primaryManageable: draft.primaryManageable,
    greenChannel: draft.greenChannel,
    upwardIndications: criteria(draft.upwardIndications),
    downwardCriteria: criteria(draft.downwardCriteria),
    sources: draft.sources.map((s) => ({ kind: s.kind, issuer: s.issuer.trim(), title: s.title.trim() })),
  };
}

const ICD10 = /^[A-TV-Z]\d{2}(\.[0-9A-Zx]{1,4})?$/;
const CATEGORY = /^([A-Z])(\d{2})$/;
const SUBCATEGORY = /^([A-Z]\d{2})\.(\d)$/;
const CRITERION_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const SPECIALTY_CODE = /^\d{2}(\.\d{2})?$/;

/** The prefixes a coverage spec stands for (a code, or a rising range of siblings), or why it is not one. */
export function coverageOf(spec: string): string[] | 'INVALID_FORMAT' | 'INVALID_RANGE' {
  const ends = spec.split('-');
  if (ends.length === 1) return ICD10.test(spec) ? [spec] : 'INVALID_FORMAT';
  const [from = '', to = ''] = ends;
  if (ends.length !== 2 || !ICD10.test(from) || !ICD10.test(to)) return 'INVALID_FORMAT';
  for (const [shape, join] of [
    [CATEGORY, (p: string, n: number) => `${p}${String(n).padStart(2, '0')}`],
    [SUBCATEGORY, (p: string, n: number) => `${p}.${n}`],
  ] as const) {
    const a = shape.exec(from);
    const b = shape.exec(to);
    if (a && b && a[1] === b[1]) {
      const first = Number(a[2]);
      const last = Number(b[2]);
      if (first >= last) return 'INVALID_RANGE';
      return Array.from({ length: last - first + 1 }, (_, i) => join(a[1]!, first + i));
    }
  }
  return 'INVALID_RANGE';
}

/** Whether a prefix covers a code: the code is the prefix or lies below it (E11 covers E11.9). */
function covers(prefix: string, code: string): boolean {
  return code === prefix || code.startsWith(prefix.includes('.') ? prefix : `${prefix}.`);
}

/**
 * What the referral service would refuse in the entry, each field named as its answer names it
 * (`entry.covers[1]`, `entry.upwardIndications[0].code`): the same rules, but for the specialty code's place in the
 * national list and overlaps with other entries, which only the service knows.
 */
export function checkCriteria(draft: CriteriaDraft): Problem[] {
  const problems: Problem[] = [];
  const entry = criteriaEntryOf(draft);
  const codes = entry.covers ?? [];
  if (codes.length === 0) problems.push({ field: 'entry.covers', reason: 'REQUIRED' });
  const prefixes: string[] = [];
  codes.forEach((spec, i) => {
    const field = `entry.covers[${i}]`;
    const expanded = coverageOf(spec);
    if (typeof expanded === 'string') {
      problems.push({ field, reason: expanded, message: `ICD10_${expanded}` });
    } else if (expanded.some((p) => prefixes.some((q) => covers(p, q) || covers(q, p)))) {
      problems.push({ field, reason: 'OVERLAPPING' });
    } else {
      prefixes.push(...expanded);
    }
  });
  checkLanguage(problems, 'entry.nameZh', entry.nameZh ?? '', 100, 'zh');
  checkLanguage(problems, 'entry.nameEn', entry.nameEn ?? '', 200, 'en');
  if (checkRequiredText(problems, 'entry.specialtyCode', entry.specialtyCode ?? '', Infinity)) {
    if (!SPECIALTY_CODE.test(entry.specialtyCode ?? '')) {
      problems.push({ field: 'entry.specialtyCode', reason: 'INVALID_FORMAT', message: 'SPECIALTY_CODE' });
    }
  }
  if (!GREEN_CHANNELS.includes(draft.greenChannel)) {
    problems.push({ field: 'entry.greenChannel', reason: 'INVALID_VALUE' });
  } else if (draft.primaryManageable && draft.greenChannel !== 'GREEN_CHANNEL_UNSPECIFIED') {
    problems.push({ field: 'entry.primaryManageable', reason: 'GREEN_CHANNEL_CONFLICT' });
  }
  const seen = new Set<string>();
  for (const list of ['upwardIndications', 'downwardCriteria'] as const) {
    const criteria = entry[list] ?? [];
    if (criteria.length === 0) problems.push({ field: `entry.${list}`, reason: 'REQUIRED' });
    criteria.forEach((criterion, i) => {
      const path = `entry.${list}[${i}]`;
      if (checkRequiredText(problems, `${path}.code`, criterion.code, 64)) {
        if (!CRITERION_CODE.test(criterion.code)) {
          problems.push({ field: `${path}.code`, reason: 'INVALID_FORMAT', message: 'CRITERION_CODE' });
        }
        if (seen.has(criterion.code)) problems.push({ field: `${path}.code`, reason: 'DUPLICATE' });
        seen.add(criterion.code);
      }
      checkLanguage(problems, `${path}.zh`, criterion.zh, 300, 'zh');
      checkLanguage(problems, `${path}.en`, criterion.en, 400, 'en');
    });
  }
  const sources = entry.sources ?? [];
  if (sources.length === 0) problems.push({ field: 'entry.sources', reason: 'REQUIRED' });
  sources.forEach((source, i) => {
    if (!(CRITERIA_SOURCE_KINDS as readonly string[]).includes(source.kind)) {
      problems.push({ field: `entry.sources[${i}].kind`, reason: 'INVALID_VALUE' });
    }
    checkRequiredText(problems, `entry.sources[${i}].issuer`, source.issuer, 200);
    checkRequiredText(problems, `entry.sources[${i}].title`, source.title, 200);
  });
  if (sources.length > 0 && !sources.some((s) => s.kind === 'national' || s.kind === 'provincial')) {
    problems.push({ field: 'entry.sources', reason: 'NO_OFFICIAL_GUIDE' });
  }
  return problems;
}

function checkLanguage(
  problems: Problem[],
  field: string,
  value: string,
  max: number,
  language: 'zh' | 'en',
) {
  if (!checkRequiredText(problems, field, value, max)) return;
  if (language === 'zh' && !HAN.test(value)) problems.push({ field, reason: 'NOT_CHINESE' });
  if (language === 'en' && HAN.test(value)) problems.push({ field, reason: 'NOT_ENGLISH' });
}
