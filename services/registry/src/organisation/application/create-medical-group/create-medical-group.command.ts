import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  gridId: requestField.uuid(),
  name: requestField.text(200),
});

export type CreateMedicalGroupInput = z.input<typeof fields>;

/** CreateMedicalGroup: the one medical group of a grid. */
export class CreateMedicalGroupCommand {
  private constructor(
    /** Lower case, like the grid's id. */
    readonly clientRequestId: string,
    readonly gridId: string,
    /** Trimmed. */
    readonly name: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: CreateMedicalGroupInput): CreateMedicalGroupCommand {
    const { clientRequestId, gridId, name } = parseFields(fields, input);
    return new CreateMedicalGroupCommand(clientRequestId, gridId, name);
  }
}
