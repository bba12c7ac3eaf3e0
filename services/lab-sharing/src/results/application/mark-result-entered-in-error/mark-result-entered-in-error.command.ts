import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

export const WITHDRAWAL_REASON_MAX = 500;

const fields = z.object({
  clientRequestId: requestField.uuid(),
  resultId: requestField.uuid(),
  reason: requestField.text(WITHDRAWAL_REASON_MAX),
});

export type MarkResultEnteredInErrorInput = z.input<typeof fields>;

/** MarkResultEnteredInError: a result withdrawn (wrong patient, wrong specimen), with the reason. */
export class MarkResultEnteredInErrorCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly resultId: string,
    /** Trimmed. */
    readonly reason: string,
  ) {}

  static create(input: MarkResultEnteredInErrorInput): MarkResultEnteredInErrorCommand {
    const f = parseFields(fields, input);
    return new MarkResultEnteredInErrorCommand(f.clientRequestId, f.resultId, f.reason);
  }
}
