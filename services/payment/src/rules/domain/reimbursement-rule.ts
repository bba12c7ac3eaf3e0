import { type FieldViolation } from '@medgrid/errors';
import { type EffectivePeriod, effectivePeriodViolations } from '../../common/domain/effective-period';
import {
  ENCOUNTERS,
  type EncounterKind,
  type InstitutionLevel,
  LEVELS,
  SCHEMES,
  type Scheme,
} from '../../common/domain/insurance';
import { type Fen, fenViolation } from '../../common/domain/money';
import { type BasisPoints, basisPointsViolation } from '../../common/domain/share';
import { RuleErrorCode } from './rule-error';

export const REFERRAL_STATUSES = ['referred', 'unreferred'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const CONTRACT_STATUSES = ['contracted', 'uncontracted'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Whether the deductible (起付线) is met once a calendar year or again by every claim (an inpatient stay, as a rule). */
export const DEDUCTIBLE_BASES = ['per-year', 'per-claim'] as const;
export type DeductibleBasis = (typeof DEDUCTIBLE_BASES)[number];

/** What a row of the table is for: every combination is its own row, so no rule is inferred from another. */
export interface RuleKey {
  readonly scheme: Scheme;
  readonly level: InstitutionLevel;
  readonly encounter: EncounterKind;
  readonly referral: ReferralStatus;
  readonly contract: ContractStatus;
}

/**
 * One row of a reimbursement rule table (报销政策): for claims of its key with a date in its period, the patient
 * pays the deductible first, the fund pays `rateBp` of the rest up to what is left of the yearly ceiling
 * (最高支付限额), and the patient pays everything else. A referred contracted resident's consultation fee may be
 * waived (一免). `basis` says in words why the figures are what they are; adjudication repeats it to the claim.
 */
export interface ReimbursementRule extends RuleKey, EffectivePeriod {
  readonly deductible: Fen;
  readonly deductibleBasis: DeductibleBasis;
  /** The most the fund pays one resident in a calendar year for claims of this scheme and encounter kind. */
  readonly ceiling: Fen;
  readonly rateBp: BasisPoints;
  readonly consultationWaived: boolean;
  readonly basis: readonly string[];
}

export function ruleKeyText(key: RuleKey): string {
  return `${key.scheme}/${key.level}/${key.encounter}/${key.referral}/${key.contract}`;
}

/** The row's id in every answer: its key and the day it took effect. */
export function ruleId(rule: ReimbursementRule): string {
  return `${ruleKeyText(rule)}@${rule.from}`;
}

function oneOf<T extends string>(
  values: readonly T[],
  value: string,
  field: string,
  violations: FieldViolation[],
): void {
  if (!values.includes(value as T)) {
    violations.push({
      field,
      reason: RuleErrorCode.InvalidRuleTable,
      description: `"${value}" is not one of ${values.join(', ')}`,
    });
  }
}

/** Every problem of one row, named under `field` (rules[3].rateBp). */
export function reimbursementRuleViolations(rule: ReimbursementRule, field: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  oneOf(SCHEMES, rule.scheme, `${field}.scheme`, violations);
  oneOf(LEVELS, rule.level, `${field}.level`, violations);
  oneOf(ENCOUNTERS, rule.encounter, `${field}.encounter`, violations);
  oneOf(REFERRAL_STATUSES, rule.referral, `${field}.referral`, violations);
  oneOf(CONTRACT_STATUSES, rule.contract, `${field}.contract`, violations);
  oneOf(DEDUCTIBLE_BASES, rule.deductibleBasis, `${field}.deductibleBasis`, violations);
  violations.push(...effectivePeriodViolations(rule, field));
  for (const [name, value] of [
    ['deductible', rule.deductible],
    ['ceiling', rule.ceiling],
  ] as const) {
    const violation = fenViolation(value, `${field}.${name}`);
    if (violation) violations.push(violation);
  }
  const rate = basisPointsViolation(rule.rateBp, `${field}.rateBp`);
  if (rate) violations.push(rate);
  if (rule.basis.length === 0 || rule.basis.some((line) => !line.trim())) {
    violations.push({
      field: `${field}.basis`,
      reason: RuleErrorCode.InvalidRuleTable,
      description: 'a rule says why it is what it is: at least one line, none blank',
    });
  }
  return violations;
}
