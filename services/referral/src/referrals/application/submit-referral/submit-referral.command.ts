import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { referralStepFields, stepTextField } from '../referral-fields';

const fields = z.object({ ...referralStepFields, note: stepTextField() });

export type SubmitReferralInput = z.input<typeof fields>;

/** SubmitReferral: which referral, the retry-safe request id, and the step's note. */
export class SubmitReferralCommand {
  private constructor(
    /** Lower case, like the referral's id. */
    readonly clientRequestId: string,
    readonly id: string,
    /** Trimmed; may be empty. */
    readonly note: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: SubmitReferralInput): SubmitReferralCommand {
    const { clientRequestId, id, note } = parseFields(fields, input);
    return new SubmitReferralCommand(clientRequestId, id, note);
  }
}
