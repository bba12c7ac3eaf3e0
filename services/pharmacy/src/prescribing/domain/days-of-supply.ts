import {
  acuteDiagnoses,
  type ChronicDiseaseList,
  DEFAULT_CHRONIC_DISEASES,
  listedDiseases,
} from './chronic-disease-list';
import { PrescribingError, PrescribingErrorCode } from './prescribing-error';
import { DEFAULT_SUPPLY_RULES, type SupplyRules } from './supply-rules';

/** What the rule needs to know of the patient, as the prescriber (or the referring hospital) states it. */
export interface SupplyPatient {
  /** Has a family-doctor contract in force (签约居民), as the registry knows. */
  readonly contractedResident: boolean;
  /** ICD-10 codes of the diagnoses the prescription is for. */
  readonly diagnosisCodes: readonly string[];
  /** The prescriber judges the condition stable (病情稳定). */
  readonly stable: boolean;
  /** The regimen is the one the patient was already on, unchanged (治疗方案明确、用药方案稳定). */
  readonly regimenUnchanged: boolean;
}

/** Why a patient may not have a long prescription; each one found is given. */
export type LongPrescriptionBar =
  'NOT_CONTRACTED' | 'NO_LISTED_CHRONIC_DISEASE' | 'ACUTE_CONDITION' | 'NOT_STABLE' | 'REGIMEN_CHANGED';

export const LONG_PRESCRIPTION_BAR_TEXT: Record<LongPrescriptionBar, string> = {
  NOT_CONTRACTED: 'the patient has no family-doctor contract in force',
  NO_LISTED_CHRONIC_DISEASE: "no diagnosis is a chronic disease on the city's long-prescription list",
  ACUTE_CONDITION: 'a diagnosis is an acute or unstable condition',
  NOT_STABLE: 'the condition is not stated stable',
  REGIMEN_CHANGED: 'the regimen is new or changed',
};

export interface LongPrescriptionEligibility {
  readonly eligible: boolean;
  /** The listed chronic diseases the diagnoses name. */
  readonly diseases: readonly string[];
  readonly bars: readonly LongPrescriptionBar[];
}

/**
 * Whether a patient may have a long prescription (长处方): a contracted resident with a stable chronic disease on
 * the city's list, on an unchanged regimen, and no acute condition among the diagnoses. Every bar found is named.
 */
export function longPrescriptionEligibility(
  patient: SupplyPatient,
  diseaseList: ChronicDiseaseList = DEFAULT_CHRONIC_DISEASES,
): LongPrescriptionEligibility {
  const diseases = listedDiseases(patient.diagnosisCodes, diseaseList);
  const bars: LongPrescriptionBar[] = [];
  if (!patient.contractedResident) bars.push('NOT_CONTRACTED');
  if (diseases.length === 0) bars.push('NO_LISTED_CHRONIC_DISEASE');
  if (acuteDiagnoses(patient.diagnosisCodes, diseaseList).length) bars.push('ACUTE_CONDITION');
  if (!patient.stable) bars.push('NOT_STABLE');
  if (!patient.regimenUnchanged) bars.push('REGIMEN_CHANGED');
  return { eligible: bars.length === 0, diseases, bars };
}

/**
 * The verdict on a number of days of supply:
 * - `ordinary`: within the ordinary limit, for anyone;
 * - `long`: beyond it, within the long maximum, for an eligible patient;
 * - `capped`: beyond the ordinary limit for a patient who is not eligible; `allowedDays` is the ordinary limit and
 *   `bars` say why;
 * - `over-maximum`: beyond what anyone may have; `allowedDays` is what this patient could have;
 * - `invalid`: not a whole number of days from 1.
 */
export interface DaysOfSupplyVerdict {
  readonly kind: 'ordinary' | 'long' | 'capped' | 'over-maximum' | 'invalid';
  readonly requestedDays: number;
  readonly allowedDays: number;
  readonly bars: readonly LongPrescriptionBar[];
}

/**
 * The one days-of-supply rule of the platform: a prescription, and a downward referral's medication list, ask it
 * rather than keeping their own limit.
 */
export function judgeDaysOfSupply(
  requestedDays: number,
  patient: SupplyPatient,
  rules: SupplyRules = DEFAULT_SUPPLY_RULES,
  diseaseList: ChronicDiseaseList = DEFAULT_CHRONIC_DISEASES,
): DaysOfSupplyVerdict {
  if (!Number.isInteger(requestedDays) || requestedDays < 1) {
    return { kind: 'invalid', requestedDays, allowedDays: rules.ordinaryMaxDays, bars: [] };
  }
  if (requestedDays <= rules.ordinaryMaxDays) {
    return { kind: 'ordinary', requestedDays, allowedDays: requestedDays, bars: [] };
  }
  const eligibility = longPrescriptionEligibility(patient, diseaseList);
  const allowedDays = eligibility.eligible ? rules.longMaxDays : rules.ordinaryMaxDays;
  if (requestedDays > rules.longMaxDays) {
    return { kind: 'over-maximum', requestedDays, allowedDays, bars: eligibility.bars };
  }
  return eligibility.eligible
    ? { kind: 'long', requestedDays, allowedDays: requestedDays, bars: [] }
    : { kind: 'capped', requestedDays, allowedDays, bars: eligibility.bars };
}

/**
 * The same rule where days are written and must be right (a referral's medication list): answers the verdict when
 * the days are ordinary or a long prescription the patient may have, and refuses otherwise, naming `field` and the
 * reason (the days allowed and, for a capped patient, every bar).
 */
export function checkDaysOfSupply(
  requestedDays: number,
  patient: SupplyPatient,
  field: string,
  rules: SupplyRules = DEFAULT_SUPPLY_RULES,
  diseaseList: ChronicDiseaseList = DEFAULT_CHRONIC_DISEASES,
): DaysOfSupplyVerdict {
  const verdict = judgeDaysOfSupply(requestedDays, patient, rules, diseaseList);
  const why = verdict.bars.map((bar) => LONG_PRESCRIPTION_BAR_TEXT[bar]).join('; ');
  switch (verdict.kind) {
    case 'ordinary':
    case 'long':
      return verdict;
    case 'invalid':
      throw new PrescribingError(
        PrescribingErrorCode.InvalidDays,
        'a whole number of days, at least 1',
        field,
      );
    case 'over-maximum':
      throw new PrescribingError(
        PrescribingErrorCode.DaysOverMaximum,
        `${requestedDays} days is over the maximum of ${rules.longMaxDays}; at most ${verdict.allowedDays} for this patient`,
        field,
      );
    case 'capped':
      throw new PrescribingError(
        PrescribingErrorCode.LongPrescriptionNotAllowed,
        `at most ${verdict.allowedDays} days: ${why}`,
        field,
      );
  }
}
