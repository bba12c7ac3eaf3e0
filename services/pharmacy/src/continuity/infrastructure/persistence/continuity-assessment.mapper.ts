import { type AssessedMedication, type ReferralContinuity } from '../../domain/referral-continuity';
import { type ContinuityAssessmentOrmEntity } from './continuity-assessment.orm-entity';

/** A line as stored in continuity_assessment.medications (jsonb): the domain's line, as JSON has it. */
export type AssessedMedicationRow = AssessedMedication;

export function assessmentToEntity(a: ReferralContinuity): ContinuityAssessmentOrmEntity {
  return {
    referralId: a.referralId,
    groupId: a.groupId,
    issuingInstitutionId: a.issuingInstitutionId,
    receivingInstitutionId: a.receivingInstitutionId,
    patientResidentId: a.patientResidentId,
    medications: a.medications.map((m) => ({ ...m, supply: { ...m.supply, bars: [...m.supply.bars] } })),
    continuous: a.continuous,
    daysWithinRule: a.daysWithinRule,
    contractedResident: a.contractedResident,
    assessedAt: a.assessedAt,
  };
}

export function assessmentFromEntity(e: ContinuityAssessmentOrmEntity): ReferralContinuity {
  return {
    referralId: e.referralId,
    groupId: e.groupId,
    issuingInstitutionId: e.issuingInstitutionId,
    receivingInstitutionId: e.receivingInstitutionId,
    patientResidentId: e.patientResidentId,
    medications: e.medications,
    continuous: e.continuous,
    daysWithinRule: e.daysWithinRule,
    contractedResident: e.contractedResident,
    assessedAt: e.assessedAt,
  };
}
