import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { type Drug } from '../../catalogue/domain/drug';
import { type Formulary } from '../../formulary/domain/formulary';
import { ContinuityError, ContinuityErrorCode } from './continuity-error';

/** What continuity reads of the catalogue: the drug in force, and the others of its generic and form. */
export interface ContinuityCatalogue {
  drugAt(code: string, at: Date): Drug | undefined;
  sameGenericAndFormAt(drug: Drug, at: Date): Drug[];
}

/** A drug of a downward referral's medication list, as the issuing hospital prescribed it. */
export interface ReferredMedication {
  readonly drugCode: string;
  /** As the hospital wrote it, for people to read. */
  readonly name: string;
  readonly days: number;
}

export type ContinuityOutcome = 'continue' | 'substitute' | 'action-needed';

/** Why a drug cannot simply be continued or substituted at the receiving institution. */
export type ActionReason = 'NOT_IN_CATALOGUE' | 'NOT_STOCKED' | 'NOT_ALLOWED_AT_LEVEL';

export const ACTION_REASON_TEXT: Record<ActionReason, string> = {
  NOT_IN_CATALOGUE: "the drug is not in the group's catalogue: the hospital should reconsider it",
  NOT_STOCKED:
    'the receiving institution may stock it but does not: it should obtain it (requisition the obtainable drug)',
  NOT_ALLOWED_AT_LEVEL:
    "no drug of this generic and form is allowed at the receiving institution's level: the hospital should reconsider, or the patient obtain it elsewhere",
};

export interface MedicationContinuity {
  readonly drugCode: string;
  readonly name: string;
  readonly outcome: ContinuityOutcome;
  /** substitute: the stocked drug of the same generic and form to dispense instead. */
  readonly suggestedCode: string | null;
  /** action-needed: why. */
  readonly reason: ActionReason | null;
  /** action-needed, NOT_STOCKED: the drug the institution may requisition (the one prescribed, or one of its generic and form). */
  readonly obtainableCode: string | null;
  /** action-needed: what to do, for the receiving team and the issuing hospital to read. */
  readonly note: string | null;
}

export interface ContinuityAssessment {
  readonly referralId: string;
  readonly receivingInstitutionId: string;
  readonly medications: readonly MedicationContinuity[];
  /** Every drug continues or has a substitute: the patient can go on with the hospital's medication. */
  readonly continuous: boolean;
  readonly assessedAt: Date;
}

/**
 * Continuity after a downward referral: each drug of the issuing hospital's medication list against the receiving
 * primary institution's formulary, as the catalogue stands at the instant. A drug the institution stocks
 * continues; otherwise a stocked drug of the same generic and form is suggested in its place (the same strength
 * first, then an essential medicine, a volume-based winner, the lowest price); otherwise action is needed, and the
 * reason says whose: the primary institution obtains a drug its level may stock, the hospital reconsiders a drug
 * that is not in the catalogue or not allowed at the level. This is the failure the group's one catalogue exists to
 * avoid: a patient sent down who cannot continue the hospital's medication.
 */
export function assessContinuity(
  referral: { readonly referralId: string; readonly medications: readonly ReferredMedication[] },
  formulary: Formulary,
  catalogue: ContinuityCatalogue,
  at: Date,
): ContinuityAssessment {
  if (referral.medications.length === 0) {
    throw new ContinuityError(
      ContinuityErrorCode.NoMedications,
      'a downward referral without medications has nothing to assess',
      'medications',
    );
  }
  const medications = referral.medications.map((medication) =>
    assessMedication(medication, formulary, catalogue, at),
  );
  return {
    referralId: referral.referralId,
    receivingInstitutionId: formulary.institutionId,
    medications,
    continuous: medications.every((m) => m.outcome !== 'action-needed'),
    assessedAt: at,
  };
}

function assessMedication(
  medication: ReferredMedication,
  formulary: Formulary,
  catalogue: ContinuityCatalogue,
  at: Date,
): MedicationContinuity {
  const base = { drugCode: medication.drugCode, name: medication.name };
  const none = { suggestedCode: null, reason: null, obtainableCode: null, note: null };
  const needed = (reason: ActionReason, obtainableCode: string | null = null): MedicationContinuity => ({
    ...base,
    ...none,
    outcome: 'action-needed',
    reason,
    obtainableCode,
    note: ACTION_REASON_TEXT[reason],
  });
  const drug = catalogue.drugAt(medication.drugCode, at);
  if (!drug) return needed('NOT_IN_CATALOGUE');
  if (formulary.stocks(drug.code)) return { ...base, ...none, outcome: 'continue' };

  const others = ranked(catalogue.sameGenericAndFormAt(drug, at), drug);
  const stocked = others.find((other) => formulary.stocks(other.code));
  if (stocked) return { ...base, ...none, outcome: 'substitute', suggestedCode: stocked.code };

  const obtainable = [drug, ...others].find((candidate) =>
    DrugCatalogue.allowedAt(candidate, formulary.level),
  );
  return obtainable ? needed('NOT_STOCKED', obtainable.code) : needed('NOT_ALLOWED_AT_LEVEL');
}

/** The same strength first, then essential medicines, volume-based winners, the lowest price, the code. */
function ranked(candidates: readonly Drug[], prescribed: Drug): Drug[] {
  return [...candidates].sort(
    (a, b) =>
      Number(b.strength === prescribed.strength) - Number(a.strength === prescribed.strength) ||
      Number(b.essential) - Number(a.essential) ||
      Number(b.volumeBased) - Number(a.volumeBased) ||
      a.unifiedPriceFen - b.unifiedPriceFen ||
      a.code.localeCompare(b.code),
  );
}
