import { type FieldViolation, ValidationError } from '@medgrid/errors';
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
    const read = DiseaseCriteria.read(input);
    if ('problems' in read) throw new ValidationError(read.problems);
    return read.entry;
  }

  /**
   * The entry `input` makes, texts trimmed, or every problem it has, each field named as in the
   * input ("upwardIndications[2].code"): for a request that carries the entry in one of its
   * fields, to report the entry's problems with its own.
   */
  static read(input: DiseaseCriteriaInput): { entry: DiseaseCriteria } | { problems: FieldViolation[] } {
    const problems: FieldViolation[] = [];
    const trimmed = trimAll(input);
    const prefixes = checkCoverage(problems, trimmed.covers);
    checkText(problems, 'nameZh', trimmed.nameZh, 'zh', 100);
    checkText(problems, 'nameEn', trimmed.nameEn, 'en', 200);
    checkSpecialty(problems, trimmed.specialtyCode);
    checkChannel(problems, trimmed);
    const seen = new Map<string, string>();
    checkCriteria(problems, 'upwardIndications', trimmed.upwardIndications, seen);
    checkCriteria(problems, 'downwardCriteria', trimmed.downwardCriteria, seen);
    checkSources(problems, trimmed.sources);
    return problems.length > 0 ? { problems } : { entry: new DiseaseCriteria(trimmed, prefixes) };
  }

  /** The entry as plain input, texts trimmed: the form the catalogue stores. */
  toInput(): DiseaseCriteriaInput {
    return {
      covers: this.covers,
      nameZh: this.nameZh,
      nameEn: this.nameEn,
      specialtyCode: this.specialtyCode,
      primaryManageable: this.primaryManageable,
      greenChannel: this.greenChannel,
      upwardIndications: this.upwardIndications,
      downwardCriteria: this.downwardCriteria,
      sources: this.sources,
    };
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

function refuse(problems: FieldViolation[], field: string, reason: string, description: string): void {
  problems.push({ field, reason, description });
}

/** A trimmed text that must be given, at most `max` characters; false when it is refused. */
function checkPresent(problems: FieldViolation[], field: string, value: string, max: number): boolean {
  if (value === '') {
    refuse(problems, field, 'REQUIRED', 'is required');
    return false;
  }
  if (value.length > max) refuse(problems, field, 'TOO_LONG', `must be at most ${max} characters`);
  return true;
}

function checkCoverage(problems: FieldViolation[], covers: readonly string[]): string[] {
  if (covers.length === 0) {
    refuse(problems, 'covers', 'REQUIRED', 'must list at least one ICD-10 code or range');
    return [];
  }
  const prefixes: string[] = [];
  covers.forEach((spec, i) => {
    const expanded = expandCoverage(spec);
    if (typeof expanded === 'string') {
      refuse(problems, `covers[${i}]`, expanded, COVERAGE_PROBLEM_TEXT[expanded]);
      return;
    }
    const clash = expanded.find((p) => prefixes.some((q) => prefixCovers(p, q) || prefixCovers(q, p)));
    if (clash !== undefined) {
      refuse(problems, `covers[${i}]`, 'OVERLAPPING', `overlaps another code of this entry at ${clash}`);
      return;
    }
    prefixes.push(...expanded);
  });
  return prefixes;
}

function checkText(
  problems: FieldViolation[],
  field: string,
  value: string,
  language: 'zh' | 'en',
  max: number,
) {
  if (!checkPresent(problems, field, value, max)) return;
  if (language === 'zh' && !HAN.test(value))
    refuse(problems, field, 'NOT_CHINESE', 'must be written in Chinese');
  if (language === 'en' && HAN.test(value)) {
    refuse(problems, field, 'NOT_ENGLISH', 'must be written in English, without Chinese characters');
  }
}

function checkSpecialty(problems: FieldViolation[], code: string) {
  if (!checkPresent(problems, 'specialtyCode', code, Infinity)) return;
  const problem = specialtyCodeProblem(code);
  if (problem === 'INVALID_FORMAT') {
    refuse(
      problems,
      'specialtyCode',
      problem,
      'must be a 诊疗科目 code: two digits, optionally ".dd", e.g. 03.04',
    );
  } else if (problem === 'UNKNOWN_SPECIALTY') {
    refuse(problems, 'specialtyCode', problem, `${code} is not in the 医疗机构诊疗科目名录`);
  }
}

function checkChannel(problems: FieldViolation[], input: DiseaseCriteriaInput) {
  const known = GREEN_CHANNELS.includes(input.greenChannel);
  if (!known) {
    refuse(problems, 'greenChannel', 'INVALID_VALUE', `must be one of ${GREEN_CHANNELS.join(', ')}`);
  }
  if (typeof input.primaryManageable !== 'boolean') {
    refuse(problems, 'primaryManageable', 'REQUIRED', 'must be true or false');
  } else if (input.primaryManageable && known && input.greenChannel !== 'none') {
    refuse(
      problems,
      'primaryManageable',
      'GREEN_CHANNEL_CONFLICT',
      'must be false for a green-channel disease, which goes straight to the chest-pain or stroke centre',
    );
  }
}

function checkCriteria(
  problems: FieldViolation[],
  field: 'upwardIndications' | 'downwardCriteria',
  criteria: readonly ReferralCriterion[],
  seen: Map<string, string>,
) {
  if (criteria.length === 0) {
    refuse(problems, field, 'REQUIRED', 'must list at least one criterion');
    return;
  }
  criteria.forEach((criterion, i) => {
    const path = `${field}[${i}]`;
    const codeField = `${path}.code`;
    if (checkPresent(problems, codeField, criterion.code, 64)) {
      if (!CRITERION_CODE.test(criterion.code)) {
        refuse(problems, codeField, 'INVALID_FORMAT', 'must be UPPER_SNAKE_CASE, e.g. HTN_UNCONTROLLED');
      }
      const first = seen.get(criterion.code);
      if (first === undefined) seen.set(criterion.code, codeField);
      else refuse(problems, codeField, 'DUPLICATE', `repeats the code of ${first}`);
    }
    checkText(problems, `${path}.zh`, criterion.zh, 'zh', 300);
    checkText(problems, `${path}.en`, criterion.en, 'en', 400);
  });
}

function checkSources(problems: FieldViolation[], sources: readonly CriteriaSource[]) {
  if (sources.length === 0) {
    refuse(problems, 'sources', 'REQUIRED', 'must name the guide the criteria come from');
    return;
  }
  sources.forEach((source, i) => {
    if (!CRITERIA_SOURCE_KINDS.includes(source.kind)) {
      refuse(
        problems,
        `sources[${i}].kind`,
        'INVALID_VALUE',
        `must be one of ${CRITERIA_SOURCE_KINDS.join(', ')}`,
      );
    }
    checkPresent(problems, `sources[${i}].issuer`, source.issuer, 200);
    checkPresent(problems, `sources[${i}].title`, source.title, 200);
  });
  if (!sources.some((s) => s.kind === 'national' || s.kind === 'provincial')) {
    refuse(
      problems,
      'sources',
      'NO_OFFICIAL_GUIDE',
      'must name at least one national or provincial tiered-care guide',
    );
  }
}
