import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  admissionId: requestField.uuid(),
});

/** Discharge: an admitted patient leaves, and their bed is free again. */
export class DischargePatientCommand {
  private constructor(
    /** Lower case, like the admission's id. */
    readonly clientRequestId: string,
    readonly admissionId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: z.input<typeof fields>): DischargePatientCommand {
    const { clientRequestId, admissionId } = parseFields(fields, input);
    return new DischargePatientCommand(clientRequestId, admissionId);
  }
}
