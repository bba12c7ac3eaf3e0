import { parseFields, refusal, requestField } from '@medgrid/errors';
import { isIcd10Code, perLocalDay, RESIDENT_ID_PROBLEM_TEXT, residentIdProblem } from '@medgrid/kernel';
import { z } from 'zod';
import { catalogueField } from '../../../catalogue/application/catalogue-fields';
import { type PrescriptionLine } from '../../domain/prescription-check';

export const LINES_MAX = 50;
export const DIAGNOSES_MAX = 20;

const whole = (what: string) =>
  z
    .number()
    .refine((value) => Number.isInteger(value) && value >= 1, refusal('REQUIRED', `${what}, at least 1`));

function fieldsOn(now: Date) {
  return z.object({
    patientResidentId: requestField.parsed<string>((raw) => {
      const value = raw.trim().toUpperCase();
      if (value === '') return { refusal: { reason: 'REQUIRED', description: 'is required' } };
      const problem = residentIdProblem(value, now);
      return problem
        ? { refusal: { reason: problem, description: RESIDENT_ID_PROBLEM_TEXT[problem] } }
        : { value };
    }),
    diagnosisCodes: z
      .array(
        requestField.parsed<string>((raw) => {
          const value = raw.trim().toUpperCase();
          return isIcd10Code(value)
            ? { value }
            : { refusal: { reason: 'INVALID_FORMAT', description: 'an ICD-10 code (I10, E11.9)' } };
        }),
      )
      .min(1, refusal('REQUIRED', 'at least one diagnosis the prescription is for'))
      .max(DIAGNOSES_MAX, refusal('TOO_MANY', `at most ${DIAGNOSES_MAX} diagnoses`)),
    stable: z.boolean(),
    regimenUnchanged: z.boolean(),
    lines: z
      .array(
        z.object({
          drugCode: catalogueField.drugCode(),
          quantity: whole('a whole number of packs'),
          daysOfSupply: whole('a whole number of days'),
        }),
      )
      .min(1, refusal('REQUIRED', 'at least one line'))
      .max(LINES_MAX, refusal('TOO_MANY', `at most ${LINES_MAX} lines`)),
    // Why the caller reads the patient's contracts (x-purpose), for the audit trail.
    'x-purpose': requestField.purpose(),
  });
}

/** A resident ID's birth date is judged against today: the schema is made once a local day. */
const fieldsOfDay = perLocalDay(fieldsOn);

export type CheckPrescriptionInput = z.input<ReturnType<typeof fieldsOn>>;

/** CheckPrescription: a prescription a HIS is about to save, for its institution. */
export class CheckPrescriptionCommand {
  private constructor(
    /** Upper case. */
    readonly patientResidentId: string,
    /** Upper case. */
    readonly diagnosisCodes: readonly string[],
    readonly stable: boolean,
    readonly regimenUnchanged: boolean,
    readonly lines: readonly PrescriptionLine[],
    readonly purpose: string,
  ) {}

  static create(input: CheckPrescriptionInput, now = new Date()): CheckPrescriptionCommand {
    const f = parseFields(fieldsOfDay(now), input);
    return new CheckPrescriptionCommand(
      f.patientResidentId,
      f.diagnosisCodes,
      f.stable,
      f.regimenUnchanged,
      f.lines,
      f['x-purpose'],
    );
  }
}
