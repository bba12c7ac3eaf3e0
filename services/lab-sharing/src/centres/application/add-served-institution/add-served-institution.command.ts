import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  centreId: requestField.uuid(),
  institutionId: requestField.uuid(),
});

export type AddServedInstitutionInput = z.input<typeof fields>;

/** AddServedInstitution: the centre takes orders from one more institution of its group. */
export class AddServedInstitutionCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly centreId: string,
    readonly institutionId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: AddServedInstitutionInput): AddServedInstitutionCommand {
    const c = parseFields(fields, input);
    return new AddServedInstitutionCommand(c.clientRequestId, c.centreId, c.institutionId);
  }
}
