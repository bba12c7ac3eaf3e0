import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  centreId: requestField.uuid(),
  institutionId: requestField.uuid(),
});

export type RemoveServedInstitutionInput = z.input<typeof fields>;

/** RemoveServedInstitution: the centre takes no new order from an institution (orders placed are still reported). */
export class RemoveServedInstitutionCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly centreId: string,
    readonly institutionId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RemoveServedInstitutionInput): RemoveServedInstitutionCommand {
    const c = parseFields(fields, input);
    return new RemoveServedInstitutionCommand(c.clientRequestId, c.centreId, c.institutionId);
  }
}
