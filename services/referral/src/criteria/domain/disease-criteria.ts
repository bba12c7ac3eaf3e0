import { FieldChecks } from '@medgrid/errors';
import { COVERAGE_PROBLEM_TEXT, expandCoverage, prefixCovers } from './icd10-coverage';
import { specialtyCodeProblem } from './specialty-code';

/**
 * 绿色通道: a suspected acute coronary syndrome or stroke seen in primary care
 * skips referral review and goes straight to the chest-pain or stroke centre.
 */
export type GreenChannel = 'none' | 'chest-pain' | 'stroke';
export const GREEN_CHANNELS: readonly GreenChannel[] = ['none', 'chest-pain', 'stroke'];

/**
 * One upward indication (上转指征) or downward stability criterion (下转标准).
 * The code is stable (referrals store it); the texts may be reworded.
 */
export interface ReferralCriterion {
  /** UPPER_SNAKE_CASE, e.g. "HTN_UNCONTROLLED". */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * Where criteria come from: a national or provincial tiered-care guide
 * (分级诊疗技术方案, 双向转诊指南), or a professional society's guideline that
 * supplies the clinical thresholds.
 */
export type CriteriaSourceKind = 'national' | 'provincial' | 'professional';
export const CRITERIA_SOURCE_KINDS: readonly CriteriaSourceKind[] = [
  'national',
  'provincial',
  'professional',
];

export interface CriteriaSource {
  readonly kind: CriteriaSourceKind;
  readonly issuer: string;
  readonly title: string;
}

export interface DiseaseCriteriaInput {
  /** ICD-10 codes (each covering every code below it) or ranges of sibling codes, e.g. ["I60-I64"]. */
  readonly covers: readonly string[];
  readonly nameZh: string;
  readonly nameEn: string;
  /** 诊疗科目代码 of the receiving subject, e.g. "03.04" 心血管内科专业. */
  readonly specialtyCode: string;
  /** Whether a primary institution can manage the disease once it is stable. */
  readonly primaryManageable: boolean;
  readonly greenChannel: GreenChannel;
  /** Any one of them justifies an upward referral. */
  readonly upwardIndications: readonly ReferralCriterion[];
  /** All of them must hold before a patient is sent back down. */
  readonly downwardCriteria: readonly ReferralCriterion[];
  readonly sources: readonly CriteriaSource[];
}

const CRITERION_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const HAN = /\p{Script=Han}/u;

/**
 * One entry of the referral criteria catalogue (双向转诊病种目录): which
 * diagnoses it covers, who receives them, and when to refer up or down.
 * Immutable; built only through {@link DiseaseCriteria.create}.
 */
export class DiseaseCriteria {
  readonly covers: readonly string[];
  /** The coverage with ranges expanded: every prefix this entry answers for. */
  readonly prefixes: readonly string[];
  readonly nameZh: string;
  readonly nameEn: string;
  readonly specialtyCode: string;
  readonly primaryManageable: boolean;
  readonly greenChannel: GreenChannel;
  readonly upwardIndications: readonly ReferralCriterion[];
  readonly downwardCriteria: readonly ReferralCriterion[];
  readonly sources: readonly CriteriaSource[];
  private readonly upwardByCode: ReadonlyMap<string, ReferralCriterion>;
  private readonly downwardByCode: ReadonlyMap<string, ReferralCriterion>;

  private constructor(input: DiseaseCriteriaInput, prefixes: readonly string[]) {
    this.covers = Object.freeze([...input.covers]);
    this.prefixes = Object.freeze([...prefixes]);
    this.nameZh = input.nameZh;
    this.nameEn = input.nameEn;
    this.specialtyCode = input.specialtyCode;
    this.primaryManageable = input.primaryManageable;
    this.greenChannel = input.greenChannel;
    this.upwardIndications = Object.freeze(input.upwardIndications.map((c) => Object.freeze({ ...c })));
    this.downwardCriteria = Object.freeze(input.downwardCriteria.map((c) => Object.freeze({ ...c })));
    this.sources = Object.freeze(input.sources.map((s) => Object.freeze({ ...s })));
    this.upwardByCode = new Map(this.upwardIndications.map((c) => [c.code, c]));
    this.downwardByCode = new Map(this.downwardCriteria.map((c) => [c.code, c]));
  }

  /**
   * Validates an entry, reporting every bad field at once (ValidationError,
   * fields named as in the input, e.g. "upwardIndications[2].code").
   * Surrounding whitespace is trimmed from every text.
   */
  static create(input: DiseaseCriteriaInput): DiseaseCriteria {
    const checks = new FieldChecks();
    const trimmed = trimAll(input);
    const prefixes = checkCoverage(checks, trimmed.covers);
    checkText(checks, 'nameZh', trimmed.nameZh, 'zh', 100);
    checkText(checks, 'nameEn', trimmed.nameEn, 'en', 200);
    checkSpecialty(checks, trimmed.specialtyCode);
    checkChannel(checks, trimmed);
    const seen = new Map<string, string>();
    checkCriteria(checks, 'upwardIndications', trimmed.upwardIndications, seen);
    checkCriteria(checks, 'downwardCriteria', trimmed.downwardCriteria, seen);
    checkSources(checks, trimmed.sources);
    checks.throwIfAny();
    return new DiseaseCriteria(trimmed, prefixes);
  }

  /** Chinese name with its codes, for messages: "高血压 (I10-I13, I15)". */
  get label(): string {
    return `${this.nameZh} (${this.covers.join(', ')})`;
  }

  coversCode(icd10Code: string): boolean {
    return this.prefixes.some((prefix) => prefixCovers(prefix, icd10Code));
  }

  upwardIndication(code: string): ReferralCriterion | undefined {
    return this.upwardByCode.get(code);
  }

  downwardCriterion(code: string): ReferralCriterion | undefined {
    return this.downwardByCode.get(code);
  }
}

// Input may come from configuration rather than typed code, so every check
// below treats values as unknown instead of trusting the declared types.

function trim(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function trimAll(input: DiseaseCriteriaInput): DiseaseCriteriaInput {
  const criteria = (value: unknown): ReferralCriterion[] =>
    list(value).map((c) => {
      const item = (c ?? {}) as Partial<ReferralCriterion>;
      return { code: trim(item.code), zh: trim(item.zh), en: trim(item.en) };
    });
  return {
    covers: list(input.covers).map(trim),
    nameZh: trim(input.nameZh),
    nameEn: trim(input.nameEn),
    specialtyCode: trim(input.specialtyCode),
    primaryManageable: input.primaryManageable,
    greenChannel: input.greenChannel,
    upwardIndications: criteria(input.upwardIndications),
    downwardCriteria: criteria(input.downwardCriteria),
    sources: list(input.sources).map((s) => {
      const item = (s ?? {}) as Partial<CriteriaSource>;
      return { kind: item.kind as CriteriaSourceKind, issuer: trim(item.issuer), title: trim(item.title) };
    }),
  };
}

function checkCoverage(checks: FieldChecks, covers: readonly string[]): string[] {
  if (covers.length === 0) {
    checks.add('covers', 'REQUIRED', 'must list at least one ICD-10 code or range');
    return [];
  }
  const prefixes: string[] = [];
  covers.forEach((spec, i) => {
    const expanded = expandCoverage(spec);
    if (typeof expanded === 'string') {
      checks.add(`covers[${i}]`, expanded, COVERAGE_PROBLEM_TEXT[expanded]);
      return;
    }
    const clash = expanded.find((p) => prefixes.some((q) => prefixCovers(p, q) || prefixCovers(q, p)));
    if (clash !== undefined) {
      checks.add(`covers[${i}]`, 'OVERLAPPING', `overlaps another code of this entry at ${clash}`);
      return;
    }
    prefixes.push(...expanded);
  });
  return prefixes;
}

function checkText(checks: FieldChecks, field: string, value: string, language: 'zh' | 'en', max: number) {
  checks.required(field, value).maxLength(field, value, max);
  if (value === '') return;
  if (language === 'zh' && !HAN.test(value)) checks.add(field, 'NOT_CHINESE', 'must be written in Chinese');
  if (language === 'en' && HAN.test(value)) {
    checks.add(field, 'NOT_ENGLISH', 'must be written in English, without Chinese characters');
  }
}

function checkSpecialty(checks: FieldChecks, code: string) {
  if (checks.required('specialtyCode', code).has('specialtyCode')) return;
  const problem = specialtyCodeProblem(code);
  if (problem === 'INVALID_FORMAT') {
    checks.add('specialtyCode', problem, 'must be a 诊疗科目 code: two digits, optionally ".dd", e.g. 03.04');
  } else if (problem === 'UNKNOWN_SPECIALTY') {
    checks.add('specialtyCode', problem, `${code} is not in the 医疗机构诊疗科目名录`);
  }
}

function checkChannel(checks: FieldChecks, input: DiseaseCriteriaInput) {
  checks
    .check(
      'greenChannel',
      GREEN_CHANNELS.includes(input.greenChannel),
      'INVALID_VALUE',
      `must be one of ${GREEN_CHANNELS.join(', ')}`,
    )
    .check(
      'primaryManageable',
      typeof input.primaryManageable === 'boolean',
      'REQUIRED',
      'must be true or false',
    );
  if (input.primaryManageable === true && GREEN_CHANNELS.includes(input.greenChannel)) {
    checks.check(
      'primaryManageable',
      input.greenChannel === 'none',
      'GREEN_CHANNEL_CONFLICT',
      'must be false for a green-channel disease, which goes straight to the chest-pain or stroke centre',
    );
  }
}

function checkCriteria(
  checks: FieldChecks,
  field: 'upwardIndications' | 'downwardCriteria',
  criteria: readonly ReferralCriterion[],
  seen: Map<string, string>,
) {
  if (criteria.length === 0) {
    checks.add(field, 'REQUIRED', 'must list at least one criterion');
    return;
  }
  criteria.forEach((criterion, i) => {
    const path = `${field}[${i}]`;
    const codeField = `${path}.code`;
    checks.required(codeField, criterion.code).maxLength(codeField, criterion.code, 64);
    if (criterion.code !== '' && !CRITERION_CODE.test(criterion.code)) {
      checks.add(codeField, 'INVALID_FORMAT', 'must be UPPER_SNAKE_CASE, e.g. HTN_UNCONTROLLED');
    }
    if (criterion.code !== '') {
      const first = seen.get(criterion.code);
      if (first === undefined) seen.set(criterion.code, codeField);
      else checks.add(codeField, 'DUPLICATE', `repeats the code of ${first}`);
    }
    checkText(checks, `${path}.zh`, criterion.zh, 'zh', 300);
    checkText(checks, `${path}.en`, criterion.en, 'en', 400);
  });
}

function checkSources(checks: FieldChecks, sources: readonly CriteriaSource[]) {
  if (sources.length === 0) {
    checks.add('sources', 'REQUIRED', 'must name the guide the criteria come from');
    return;
  }
  sources.forEach((source, i) => {
    checks
      .check(
        `sources[${i}].kind`,
        CRITERIA_SOURCE_KINDS.includes(source.kind),
        'INVALID_VALUE',
        `must be one of ${CRITERIA_SOURCE_KINDS.join(', ')}`,
      )
      .required(`sources[${i}].issuer`, source.issuer)
      .maxLength(`sources[${i}].issuer`, source.issuer, 200)
      .required(`sources[${i}].title`, source.title)
      .maxLength(`sources[${i}].title`, source.title, 200);
  });
  checks.check(
    'sources',
    sources.some((s) => s.kind === 'national' || s.kind === 'provincial'),
    'NO_OFFICIAL_GUIDE',
    'must name at least one national or provincial tiered-care guide',
  );
}
