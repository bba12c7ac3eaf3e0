import {
  type DaysOfSupplyVerdict,
  judgeDaysOfSupply,
  LONG_PRESCRIPTION_BAR_TEXT,
} from '../../prescribing/domain/days-of-supply';
import { type ChronicDiseaseList } from '../../prescribing/domain/chronic-disease-list';
import { type SupplyRules } from '../../prescribing/domain/supply-rules';
import { type Formulary } from '../../formulary/domain/formulary';
import {
  assessContinuity,
  type ContinuityCatalogue,
  type MedicationContinuity,
  type ReferredMedication,
} from './continuity-assessment';

/** A downward referral as the issuing hospital wrote it: who sends whom where, the diagnoses and the medication. */
export interface DownwardReferral {
  readonly referralId: string;
  readonly groupId: string;
  readonly issuingInstitutionId: string;
  readonly patientResidentId: string;
  /** ICD-10 codes: the referral's diagnosis and its treatment plan's. */
  readonly diagnosisCodes: readonly string[];
  readonly medications: readonly ReferredMedication[];
}

/** A drug of the list: what continuity found, and what the days-of-supply rule says of its days. */
export interface AssessedMedication extends MedicationContinuity {
  readonly days: number;
  readonly supply: DaysOfSupplyVerdict;
  /** Capped, over the maximum or invalid: the rule's finding, for people to read. */
  readonly supplyNote: string | null;
}

/** A downward referral's medication list assessed: continuity at the receiving institution, and each line's days. */
export interface ReferralContinuity {
  readonly referralId: string;
  readonly groupId: string;
  readonly issuingInstitutionId: string;
  readonly receivingInstitutionId: string;
  readonly patientResidentId: string;
  readonly medications: readonly AssessedMedication[];
  /** No drug needs action. */
  readonly continuous: boolean;
  /** Every line's days are ordinary, or long for a patient who may have a long prescription. */
  readonly daysWithinRule: boolean;
  /** Whether the registry knew a contract of the patient in force on the day of the assessment. */
  readonly contractedResident: boolean;
  readonly assessedAt: Date;
}

/** The days-of-supply rule as the deployment configures it. */
export interface SupplySettings {
  readonly rules: SupplyRules;
  readonly diseases: ChronicDiseaseList;
}

function supplyNote(verdict: DaysOfSupplyVerdict, rules: SupplyRules): string | null {
  const why = verdict.bars.map((bar) => LONG_PRESCRIPTION_BAR_TEXT[bar]).join('; ');
  switch (verdict.kind) {
    case 'ordinary':
    case 'long':
      return null;
    case 'invalid':
      return 'a whole number of days, at least 1';
    case 'capped':
      return `at most ${verdict.allowedDays} days: ${why}`;
    case 'over-maximum':
      return `${verdict.requestedDays} days is over the maximum of ${rules.longMaxDays}; at most ${verdict.allowedDays} for this patient`;
  }
}

/**
 * Pharmacy's assessment of a downward referral: each drug against the receiving institution's formulary and the
 * group's catalogue (assessContinuity), and each line's days against the platform's one days-of-supply rule
 * (judgeDaysOfSupply), so referral keeps no limit of its own. The hospital sends down a patient it judges stable on
 * the regimen it writes (the referral's downward criteria), so the patient is taken as stated stable on an unchanged
 * regimen; whether a long prescription is allowed then rests on the registry's contract, a chronic disease of the
 * city's list among the diagnoses and no acute one (an acute myocardial infarction keeps the patient to the ordinary
 * limit). A line beyond what the patient may have is said so on the line, with the days allowed and every reason.
 */
export function assessDownwardReferral(
  referral: DownwardReferral,
  formulary: Formulary,
  catalogue: ContinuityCatalogue,
  supply: SupplySettings,
  contractedResident: boolean,
  at: Date,
): ReferralContinuity {
  const continuity = assessContinuity(referral, formulary, catalogue, at);
  const patient = {
    contractedResident,
    diagnosisCodes: referral.diagnosisCodes,
    stable: true,
    regimenUnchanged: true,
  };
  const medications = continuity.medications.map((medication, i): AssessedMedication => {
    const days = referral.medications[i]?.days ?? 0;
    const verdict = judgeDaysOfSupply(days, patient, supply.rules, supply.diseases);
    return { ...medication, days, supply: verdict, supplyNote: supplyNote(verdict, supply.rules) };
  });
  return {
    referralId: referral.referralId,
    groupId: referral.groupId,
    issuingInstitutionId: referral.issuingInstitutionId,
    receivingInstitutionId: continuity.receivingInstitutionId,
    patientResidentId: referral.patientResidentId,
    medications,
    continuous: continuity.continuous,
    daysWithinRule: medications.every((m) => m.supply.kind === 'ordinary' || m.supply.kind === 'long'),
    contractedResident,
    assessedAt: at,
  };
}
