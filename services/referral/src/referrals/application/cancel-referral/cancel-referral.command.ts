import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { referralStepFields, stepTextField } from '../referral-fields';

const fields = z.object({ ...referralStepFields, reason: stepTextField() });

export type CancelReferralInput = z.input<typeof fields>;

/** CancelReferral: which referral, the retry-safe request id, and the step's reason. */
export class CancelReferralCommand {
  private constructor(
    /** Lower case, like the referral's id. */
    readonly clientRequestId: string,
    readonly id: string,
    /** Trimmed; the referral itself requires one. */
    readonly reason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: CancelReferralInput): CancelReferralCommand {
    const { clientRequestId, id, reason } = parseFields(fields, input);
    return new CancelReferralCommand(clientRequestId, id, reason);
  }
}
