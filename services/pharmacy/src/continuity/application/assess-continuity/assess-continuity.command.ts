import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type DownwardReferral } from '../../domain/referral-continuity';

const fields = z.object({
  referralId: requestField.uuid(),
  groupId: requestField.uuid(),
  issuingInstitutionId: requestField.uuid(),
  receivingInstitutionId: requestField.uuid(),
  patientResidentId: requestField.text(18),
  diagnosisCodes: z.array(z.string()),
  medications: z.array(
    z.object({
      drugCode: z.string().transform((code) => code.trim().toUpperCase()),
      name: z.string(),
      days: z.number(),
    }),
  ),
});

export type AssessContinuityInput = z.input<typeof fields>;

/**
 * AssessContinuity: a downward referral issued by a hospital, as referral announced it (ReferralChanged, its issue),
 * to be assessed at the institution that receives the patient.
 */
export class AssessContinuityCommand {
  private constructor(
    readonly referral: DownwardReferral,
    readonly receivingInstitutionId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: AssessContinuityInput): AssessContinuityCommand {
    const { receivingInstitutionId, diagnosisCodes, ...referral } = parseFields(fields, input);
    const codes = [...new Set(diagnosisCodes.map((code) => code.trim()).filter((code) => code !== ''))];
    return new AssessContinuityCommand({ ...referral, diagnosisCodes: codes }, receivingInstitutionId);
  }
}
