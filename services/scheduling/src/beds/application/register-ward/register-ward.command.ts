import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { schedulingField } from '../../../common/scheduling-fields';
import { MAX_WARD_BEDS } from '../../domain/ward';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  institutionId: requestField.uuid(),
  departmentId: requestField.uuid(),
  /** Empty, or the department's own specialty. */
  specialtyCode: z.string(),
  name: requestField.text(100),
  bedCount: schedulingField.wholeNumber(1, MAX_WARD_BEDS, `must be 1 to ${MAX_WARD_BEDS}`),
});

export type RegisterWardInput = z.input<typeof fields>;

/** RegisterWard: a ward of a hospital's department with its beds. */
export class RegisterWardCommand {
  private constructor(
    /** Lower case, like the other ids. */
    readonly clientRequestId: string,
    readonly institutionId: string,
    readonly departmentId: string,
    /** Empty, or the department's own specialty. */
    readonly specialtyCode: string,
    /** Trimmed. */
    readonly name: string,
    /** 1 to MAX_WARD_BEDS. */
    readonly bedCount: number,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RegisterWardInput): RegisterWardCommand {
    const w = parseFields(fields, input);
    return new RegisterWardCommand(
      w.clientRequestId,
      w.institutionId,
      w.departmentId,
      w.specialtyCode,
      w.name,
      w.bedCount,
    );
  }
}
