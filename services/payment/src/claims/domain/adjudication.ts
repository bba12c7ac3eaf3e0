import { type Scheme } from '../../common/domain/insurance';
import { type Fen, maxFen, minFen, subtractFen, sumFen, ZERO_FEN } from '../../common/domain/money';
import { type BasisPoints, shareOf } from '../../common/domain/share';
import { type ResidentCoverage } from '../../enrolment/domain/resident-coverage';
import {
  type ContractStatus,
  type ReferralStatus,
  ruleId,
  type RuleKey,
} from '../../rules/domain/reimbursement-rule';
import { type ReimbursementTable } from '../../rules/domain/reimbursement-table';
import { type ClaimVersion } from './claim-record';
import { type ClaimStanding, statedStanding } from './claim-standing';
import { claimTotal } from './claim-submission';

/**
 * What the resident has already had this calendar year, for the scheme and encounter kind of the claim, before it:
 * the deductible paid and what the fund paid. The yearly deductible and the ceiling are measured against it.
 */
export interface YearToDate {
  readonly deductiblePaid: Fen;
  readonly fundPaid: Fen;
}

export const NOTHING_YET: YearToDate = { deductiblePaid: ZERO_FEN, fundPaid: ZERO_FEN };

export type ReasonCode =
  'VERIFIED' | 'RULE_APPLIED' | 'CONSULTATION_WAIVED' | 'DEDUCTIBLE' | 'RATE' | 'CEILING_REACHED';

/** One step of the sum, in words: an adjudicated claim says why each fen went where it went. */
export interface AdjudicationReason {
  readonly code: ReasonCode;
  readonly amount: Fen;
  readonly detail: string;
}

/**
 * A claim version adjudicated: the rule row that applied (and the table version it came from), the total billed,
 * the consultation fee waived, the deductible the patient paid, the fund's share and the patient's share. Waived,
 * fund and patient always add up to the total to the fen.
 */
export interface Adjudication {
  readonly claimId: string;
  readonly claimVersion: number;
  readonly scheme: Scheme;
  readonly referral: ReferralStatus;
  readonly contract: ContractStatus;
  readonly ruleId: string;
  readonly tableVersion: number;
  readonly rateBp: BasisPoints;
  readonly total: Fen;
  readonly waived: Fen;
  readonly deductible: Fen;
  readonly fund: Fen;
  readonly patient: Fen;
  readonly reasons: readonly AdjudicationReason[];
}

/**
 * Adjudicates one claim version (医保审核结算) by the rule table row in force on its service date for the resident's
 * scheme on that date, the institution's level, the encounter, whether the patient was referred and whether the
 * resident is contracted:
 * 1. a waived consultation fee (一免) is taken off the bill: neither the fund nor the patient pays it;
 * 2. the patient pays the deductible still open (a yearly deductible less what was paid this year; a per-claim one
 *    in full), at most the bill;
 * 3. the fund pays the rule's rate of the rest, rounded half-even to the fen (unbiased over many claims), but no more
 *    than what is left of the yearly ceiling;
 * 4. the patient pays everything else, so waived + fund + patient = total exactly.
 * Referral and contract are the claim's standing as the platform verified it (verified referral and contract), the
 * claim's own statement only where no standing is given; where the check overruled the claim, a VERIFIED reason
 * says why. A resident not insured on the date is refused (NOT_COVERED), and a key without a row (NO_RULE_IN_FORCE).
 */
export function adjudicate(
  claimId: string,
  claim: ClaimVersion,
  coverage: ResidentCoverage,
  table: ReimbursementTable,
  yearToDate: YearToDate,
  standing: ClaimStanding = statedStanding(claim.submission),
): Adjudication {
  const submission = claim.submission;
  const scheme = coverage.schemeOn(submission.serviceDate, 'serviceDate');
  const key: RuleKey = {
    scheme,
    level: submission.institutionLevel,
    encounter: submission.encounter.kind,
    referral: standing.referral,
    contract: standing.contract,
  };
  const rule = table.ruleFor(key, submission.serviceDate, 'serviceDate');
  const reasons: AdjudicationReason[] = [
    ...standing.reasons.map((detail) => ({ code: 'VERIFIED' as const, amount: ZERO_FEN, detail })),
    ...rule.basis.map((detail) => ({ code: 'RULE_APPLIED' as const, amount: ZERO_FEN, detail })),
  ];

  const total = claimTotal(submission);
  const waived = rule.consultationWaived
    ? sumFen(submission.lines.filter((l) => l.kind === 'consultation').map((l) => l.amount))
    : ZERO_FEN;
  if (waived > 0) {
    reasons.push({
      code: 'CONSULTATION_WAIVED',
      amount: waived,
      detail: 'consultation fee waived: a referred contracted resident (一免)',
    });
  }
  const payable = subtractFen(total, waived);

  const deductibleOpen =
    rule.deductibleBasis === 'per-claim'
      ? rule.deductible
      : maxFen(ZERO_FEN, subtractFen(rule.deductible, yearToDate.deductiblePaid));
  const deductible = minFen(payable, deductibleOpen);
  if (deductible > 0) {
    reasons.push({
      code: 'DEDUCTIBLE',
      amount: deductible,
      detail: `deductible ${rule.deductible} fen ${rule.deductibleBasis === 'per-claim' ? 'per claim' : `a year, ${yearToDate.deductiblePaid} fen paid before`}: paid by the patient`,
    });
  }

  const aboveDeductible = subtractFen(payable, deductible);
  const atRate = shareOf(aboveDeductible, rule.rateBp, 'half-even');
  reasons.push({
    code: 'RATE',
    amount: atRate,
    detail: `${rule.rateBp / 100}% of ${aboveDeductible} fen above the deductible, rounded half-even to the fen`,
  });
  const ceilingLeft = maxFen(ZERO_FEN, subtractFen(rule.ceiling, yearToDate.fundPaid));
  const fund = minFen(atRate, ceilingLeft);
  if (fund < atRate) {
    reasons.push({
      code: 'CEILING_REACHED',
      amount: subtractFen(atRate, fund),
      detail: `yearly ceiling ${rule.ceiling} fen, ${yearToDate.fundPaid} fen paid before: the rest falls to the patient`,
    });
  }
  const patient = subtractFen(payable, fund);

  return {
    claimId,
    claimVersion: claim.version,
    scheme,
    referral: key.referral,
    contract: key.contract,
    ruleId: ruleId(rule),
    tableVersion: table.version,
    rateBp: rule.rateBp,
    total,
    waived,
    deductible,
    fund,
    patient,
    reasons,
  };
}

/** What this claim adds to the resident's year: the deductible paid and the fund's share. */
export function yearToDateAfter(before: YearToDate, adjudication: Adjudication): YearToDate {
  return {
    deductiblePaid: sumFen([before.deductiblePaid, adjudication.deductible]),
    fundPaid: sumFen([before.fundPaid, adjudication.fund]),
  };
}
