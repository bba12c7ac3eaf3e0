import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  admissionId: requestField.uuid(),
  reason: requestField.optionalText(200).transform((reason) => reason || 'cancelled'),
});

export type CancelAdmissionInput = z.input<typeof fields>;

/** CancelAdmission: an admission not taken up, with the reason. */
export class CancelAdmissionCommand {
  private constructor(
    /** Lower case, like the admission's id. */
    readonly clientRequestId: string,
    readonly admissionId: string,
    /** Trimmed; 'cancelled' when the caller gave none. */
    readonly reason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: CancelAdmissionInput): CancelAdmissionCommand {
    const { clientRequestId, admissionId, reason } = parseFields(fields, input);
    return new CancelAdmissionCommand(clientRequestId, admissionId, reason);
  }
}
