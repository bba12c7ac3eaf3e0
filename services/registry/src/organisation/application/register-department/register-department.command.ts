import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { isSpecialtyCode } from '../../domain/geography';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  institutionId: requestField.uuid(),
  specialtyCode: requestField.matching(isSpecialtyCode, {
    reason: 'INVALID_FORMAT',
    description: 'must be a specialty code such as 03 or 03.04',
  }),
  name: requestField.text(100),
});

export type RegisterDepartmentInput = z.input<typeof fields>;

/** RegisterDepartment: a department of an institution, keyed by a standard specialty code. */
export class RegisterDepartmentCommand {
  private constructor(
    /** Lower case, like the institution's id. */
    readonly clientRequestId: string,
    readonly institutionId: string,
    readonly specialtyCode: string,
    /** Trimmed. */
    readonly name: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RegisterDepartmentInput): RegisterDepartmentCommand {
    const { clientRequestId, institutionId, specialtyCode, name } = parseFields(fields, input);
    return new RegisterDepartmentCommand(clientRequestId, institutionId, specialtyCode, name);
  }
}
