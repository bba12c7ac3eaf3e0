import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { referralStepFields, stepTextField } from '../referral-fields';

const fields = z.object({ ...referralStepFields, note: stepTextField() });

export type RecordArrivalInput = z.input<typeof fields>;

/** RecordArrival: which referral, the retry-safe request id, and the step's note. */
export class RecordArrivalCommand {
  private constructor(
    /** Lower case, like the referral's id. */
    readonly clientRequestId: string,
    readonly id: string,
    /** Trimmed; may be empty. */
    readonly note: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RecordArrivalInput): RecordArrivalCommand {
    const { clientRequestId, id, note } = parseFields(fields, input);
    return new RecordArrivalCommand(clientRequestId, id, note);
  }
}
