import { PrescribingError, PrescribingErrorCode } from './prescribing-error';

/** A stable chronic disease a long prescription may be given for, by ICD-10 code prefixes. */
export interface ChronicDisease {
  readonly name: string;
  /** ICD-10 codes or categories it covers (`I10`, `I20.8`); a code matches a prefix at a category or subcategory boundary. */
  readonly codes: readonly string[];
  /** Codes under those prefixes it does not cover (`I20.0` unstable angina under `I20`). */
  readonly except?: readonly string[];
}

/**
 * A city's list of chronic diseases eligible for long prescriptions, and the acute conditions that make a patient
 * not stable whatever else they have. The default names the diseases the policy documents name first (hypertension,
 * type 2 diabetes) and those the group's chronic-disease care manages in primary care (COPD, stable coronary heart
 * disease); a city extends or narrows it.
 */
export interface ChronicDiseaseList {
  readonly diseases: readonly ChronicDisease[];
  /** Diagnoses of an acute or unstable condition: a patient with one is not on an unchanged, stable regimen. */
  readonly acute: readonly string[];
}

export const DEFAULT_CHRONIC_DISEASES: ChronicDiseaseList = {
  diseases: [
    { name: 'hypertension', codes: ['I10', 'I11', 'I12', 'I13', 'I15'] },
    { name: 'type-2-diabetes', codes: ['E11'], except: ['E11.0', 'E11.1'] },
    { name: 'copd', codes: ['J44'], except: ['J44.0', 'J44.1'] },
    { name: 'coronary-heart-disease', codes: ['I20.1', 'I20.8', 'I20.9', 'I25'] },
  ],
  acute: [
    'I20.0',
    'I21',
    'I22',
    'I24',
    'I60',
    'I61',
    'I62',
    'I63',
    'I64',
    'J44.0',
    'J44.1',
    'E11.0',
    'E11.1',
  ],
};

const ICD10 = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;

/** An ICD-10 code in upper case, trimmed: `i10` reads `I10`. */
export function normaliseIcd10(code: string): string {
  return code.trim().toUpperCase();
}

/** Whether `code` falls under `prefix`: the same category (`I10` under `I10`), or below it (`I20.81` under `I20.8`). */
export function icd10Under(code: string, prefix: string): boolean {
  const c = normaliseIcd10(code);
  const p = normaliseIcd10(prefix);
  if (c === p) return true;
  if (!c.startsWith(p)) return false;
  return p.includes('.') || c[p.length] === '.';
}

/** The listed diseases the diagnoses name, in list order. */
export function listedDiseases(diagnosisCodes: readonly string[], list: ChronicDiseaseList): string[] {
  return list.diseases
    .filter((disease) =>
      diagnosisCodes.some(
        (code) =>
          disease.codes.some((prefix) => icd10Under(code, prefix)) &&
          !(disease.except ?? []).some((prefix) => icd10Under(code, prefix)),
      ),
    )
    .map((disease) => disease.name);
}

/** The diagnoses that name an acute or unstable condition. */
export function acuteDiagnoses(diagnosisCodes: readonly string[], list: ChronicDiseaseList): string[] {
  return diagnosisCodes.filter((code) => list.acute.some((prefix) => icd10Under(code, prefix)));
}

/** A list checked: every code a well-formed ICD-10 code or category, every disease named and coded. */
export function chronicDiseaseList(list: ChronicDiseaseList, field = 'chronicDiseases'): ChronicDiseaseList {
  const codes = [...list.diseases.flatMap((d) => [...d.codes, ...(d.except ?? [])]), ...list.acute];
  const bad = codes.filter((code) => !ICD10.test(code));
  const unnamed = list.diseases.some((d) => !d.name.trim() || d.codes.length === 0);
  if (bad.length || unnamed || list.diseases.length === 0) {
    throw new PrescribingError(
      PrescribingErrorCode.InvalidDiseaseList,
      bad.length ? `not ICD-10 codes: ${bad.join(', ')}` : 'at least one disease, each named with its codes',
      field,
    );
  }
  return list;
}
