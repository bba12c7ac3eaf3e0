import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { referralStepFields, stepTextField } from '../referral-fields';

const fields = z.object({ ...referralStepFields, findings: stepTextField() });

export type RecordFollowUpInput = z.input<typeof fields>;

/** RecordFollowUp: which referral, the retry-safe request id, and the step's findings. */
export class RecordFollowUpCommand {
  private constructor(
    /** Lower case, like the referral's id. */
    readonly clientRequestId: string,
    readonly id: string,
    /** Trimmed; the referral itself requires them. */
    readonly findings: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RecordFollowUpInput): RecordFollowUpCommand {
    const { clientRequestId, id, findings } = parseFields(fields, input);
    return new RecordFollowUpCommand(clientRequestId, id, findings);
  }
}
