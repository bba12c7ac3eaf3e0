import { parseFields, requestField } from '@medgrid/errors';
import { type ResidentId } from '@medgrid/kernel';
import { z } from 'zod';
import { residentDetailsFields, residentIdNumberField } from '../resident-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  residentIdNumber: residentIdNumberField(),
  ...residentDetailsFields,
});

export type RegisterResidentInput = z.input<typeof fields>;

/** RegisterResident: a resident of a grid, by their resident ID number. */
export class RegisterResidentCommand {
  private constructor(
    /** Lower case, like the grid's id. */
    readonly clientRequestId: string,
    /** Birth date and sex come from it, never typed a second time. */
    readonly residentId: ResidentId,
    /** Trimmed, like the phone. */
    readonly name: string,
    readonly phone: string,
    readonly gridId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RegisterResidentInput): RegisterResidentCommand {
    const { clientRequestId, residentIdNumber, name, phone, gridId } = parseFields(fields, input);
    return new RegisterResidentCommand(clientRequestId, residentIdNumber, name, phone, gridId);
  }
}
