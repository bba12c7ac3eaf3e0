import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { residentDetailsFields } from '../resident-fields';

const fields = z.object({
  id: requestField.uuid(),
  expectedVersion: requestField.version(),
  ...residentDetailsFields,
  clientRequestId: requestField.uuid(),
});

export type UpdateResidentInput = z.input<typeof fields>;

/** UpdateResident: a resident's new name, phone or grid, against the version the caller read. */
export class UpdateResidentCommand {
  private constructor(
    /** Lower case, like the grid's id. */
    readonly id: string,
    readonly expectedVersion: number,
    /** Trimmed, like the phone. */
    readonly name: string,
    readonly phone: string,
    readonly gridId: string,
    readonly clientRequestId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: UpdateResidentInput): UpdateResidentCommand {
    const { id, expectedVersion, name, phone, gridId, clientRequestId } = parseFields(fields, input);
    return new UpdateResidentCommand(id, expectedVersion, name, phone, gridId, clientRequestId);
  }
}
