import { type FieldChecks } from '@medgrid/errors';
import { isIcd10Code, isLocalDate, RESIDENT_ID_PROBLEM_TEXT, ResidentId } from '@medgrid/kernel';
import {
  type PlannedFollowUp,
  type PlannedMedication,
  RESULT_KINDS,
  type ResultKind,
  type ResultReference,
  type TreatmentPlan,
} from '../domain/referral-content';

/** The resident ID normalised (trailing x upper-cased), or undefined after reporting the problem. */
export function checkResidentId(checks: FieldChecks, field: string, value: string): string | undefined {
  if (checks.required(field, value).has(field)) return undefined;
  const parsed = ResidentId.parse(value);
  if (typeof parsed === 'string') {
    checks.add(field, parsed, RESIDENT_ID_PROBLEM_TEXT[parsed]);
    return undefined;
  }
  return parsed.value;
}

export function checkIcd10(checks: FieldChecks, field: string, value: string): string {
  const code = value.trim();
  if (!checks.required(field, code).has(field) && !isIcd10Code(code)) {
    checks.add(field, 'INVALID_FORMAT', 'must be an ICD-10 code such as I10 or E11.9');
  }
  return code;
}

/** A UUID that may be left empty; lower-cased. */
export function checkOptionalUuid(checks: FieldChecks, field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed !== '') checks.uuid(field, trimmed);
  return trimmed.toLowerCase();
}

/** Criterion codes as claimed, trimmed and without duplicates. */
export function checkCodes(checks: FieldChecks, field: string, codes: readonly string[]): string[] {
  if (codes.length > 20) checks.add(field, 'TOO_MANY', 'at most 20 codes');
  return [...new Set(codes.map((code) => code.trim()).filter((code) => code !== ''))];
}

export function checkResults(
  checks: FieldChecks,
  results: readonly { kind: ResultKind | undefined; resultId: string; summary: string }[],
): ResultReference[] {
  if (results.length > 50) checks.add('results', 'TOO_MANY', 'at most 50 results');
  return results.map((result, i) => {
    const field = `results[${i}]`;
    checks
      .check(`${field}.kind`, result.kind !== undefined, 'REQUIRED', 'must be LAB, IMAGING, ECG or PATHOLOGY')
      .uuid(`${field}.resultId`, result.resultId)
      .maxLength(`${field}.summary`, result.summary, 200);
    return {
      kind: result.kind ?? RESULT_KINDS[0]!,
      resultId: result.resultId.toLowerCase(),
      summary: result.summary.trim(),
    };
  });
}

/** A downward treatment plan: at least one diagnosis, named drugs, real dates. */
export function checkTreatmentPlan(checks: FieldChecks, plan: TreatmentPlan | undefined): TreatmentPlan {
  const field = 'treatmentPlan';
  if (!plan) {
    checks.add(field, 'REQUIRED', 'a downward referral carries a treatment plan');
    return { diagnosisCodes: [], medications: [], followUps: [], warningSigns: [], notes: '' };
  }
  if (plan.diagnosisCodes.length === 0) {
    checks.add(`${field}.diagnosisCodes`, 'REQUIRED', 'name at least one diagnosis');
  }
  const diagnosisCodes = plan.diagnosisCodes.map((code, i) =>
    checkIcd10(checks, `${field}.diagnosisCodes[${i}]`, code),
  );
  const medications: PlannedMedication[] = plan.medications.map((m, i) => {
    const at = `${field}.medications[${i}]`;
    checks
      .required(`${at}.name`, m.name.trim())
      .maxLength(`${at}.name`, m.name, 100)
      .maxLength(`${at}.dose`, m.dose, 50)
      .maxLength(`${at}.frequency`, m.frequency, 50)
      .check(
        `${at}.days`,
        Number.isInteger(m.days) && m.days >= 1 && m.days <= 365,
        'OUT_OF_RANGE',
        'must be 1 to 365 days',
      );
    return { name: m.name.trim(), dose: m.dose.trim(), frequency: m.frequency.trim(), days: m.days };
  });
  const followUps: PlannedFollowUp[] = plan.followUps.map((f, i) => {
    const at = `${field}.followUps[${i}]`;
    checks
      .check(`${at}.dueDate`, isLocalDate(f.dueDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .required(`${at}.item`, f.item.trim())
      .maxLength(`${at}.item`, f.item, 200);
    return { dueDate: f.dueDate, item: f.item.trim() };
  });
  plan.warningSigns.forEach((sign, i) => checks.maxLength(`${field}.warningSigns[${i}]`, sign, 200));
  checks.maxLength(`${field}.notes`, plan.notes, 2000);
  if (plan.medications.length > 50) checks.add(`${field}.medications`, 'TOO_MANY', 'at most 50 drugs');
  if (plan.followUps.length > 50) checks.add(`${field}.followUps`, 'TOO_MANY', 'at most 50 follow-ups');
  return {
    diagnosisCodes,
    medications,
    followUps,
    warningSigns: plan.warningSigns.map((sign) => sign.trim()).filter((sign) => sign !== ''),
    notes: plan.notes.trim(),
  };
}
