import { continuityV1 } from '@medgrid/contracts';
import { type ActionReason, type ContinuityOutcome } from '../domain/continuity-assessment';
import { type ReferralContinuity } from '../domain/referral-continuity';
import { type DaysOfSupplyVerdict } from '../../prescribing/domain/days-of-supply';

const OUTCOMES: Record<ContinuityOutcome, continuityV1.ContinuityOutcome> = {
  continue: continuityV1.ContinuityOutcome.CONTINUITY_OUTCOME_CONTINUE,
  substitute: continuityV1.ContinuityOutcome.CONTINUITY_OUTCOME_SUBSTITUTE,
  'action-needed': continuityV1.ContinuityOutcome.CONTINUITY_OUTCOME_ACTION_NEEDED,
};

const REASONS: Record<ActionReason, continuityV1.ContinuityActionReason> = {
  NOT_IN_CATALOGUE: continuityV1.ContinuityActionReason.CONTINUITY_ACTION_REASON_NOT_IN_CATALOGUE,
  NOT_STOCKED: continuityV1.ContinuityActionReason.CONTINUITY_ACTION_REASON_NOT_STOCKED,
  NOT_ALLOWED_AT_LEVEL: continuityV1.ContinuityActionReason.CONTINUITY_ACTION_REASON_NOT_ALLOWED_AT_LEVEL,
};

const VERDICTS: Record<DaysOfSupplyVerdict['kind'], continuityV1.SupplyVerdict> = {
  ordinary: continuityV1.SupplyVerdict.SUPPLY_VERDICT_ORDINARY,
  long: continuityV1.SupplyVerdict.SUPPLY_VERDICT_LONG,
  capped: continuityV1.SupplyVerdict.SUPPLY_VERDICT_CAPPED,
  'over-maximum': continuityV1.SupplyVerdict.SUPPLY_VERDICT_OVER_MAXIMUM,
  invalid: continuityV1.SupplyVerdict.SUPPLY_VERDICT_INVALID,
};

/** The assessment as the contract has it (GetContinuityAssessment, MedicationContinuityAssessed). */
export function continuityAssessmentToProto(a: ReferralContinuity): continuityV1.ContinuityAssessment {
  return {
    referralId: a.referralId,
    groupId: a.groupId,
    issuingInstitutionId: a.issuingInstitutionId,
    receivingInstitutionId: a.receivingInstitutionId,
    medications: a.medications.map((m) => ({
      drugCode: m.drugCode,
      name: m.name,
      outcome: OUTCOMES[m.outcome],
      suggestedCode: m.suggestedCode ?? '',
      actionReason: m.reason
        ? REASONS[m.reason]
        : continuityV1.ContinuityActionReason.CONTINUITY_ACTION_REASON_UNSPECIFIED,
      obtainableCode: m.obtainableCode ?? '',
      note: m.note ?? '',
      days: Math.max(0, Math.trunc(m.days)),
      supplyVerdict: VERDICTS[m.supply.kind],
      allowedDays: m.supply.allowedDays,
      supplyBars: [...m.supply.bars],
      supplyNote: m.supplyNote ?? '',
    })),
    continuous: a.continuous,
    daysWithinRule: a.daysWithinRule,
    contractedResident: a.contractedResident,
    assessedAt: a.assessedAt,
  };
}
