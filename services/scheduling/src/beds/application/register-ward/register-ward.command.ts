import { FieldChecks } from '@medgrid/errors';

export interface RegisterWardInput {
  readonly clientRequestId: string;
  readonly institutionId: string;
  readonly departmentId: string;
  /** Empty, or the department's own specialty. */
  readonly specialtyCode: string;
  readonly name: string;
  readonly bedCount: number;
}

/** RegisterWard: a ward of a hospital's department with its beds; the ward's own rules are the ward's. */
export class RegisterWardCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly institutionId: string,
    readonly departmentId: string,
    readonly specialtyCode: string,
    readonly name: string,
    readonly bedCount: number,
  ) {}

  /** Reports every bad id at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RegisterWardInput): RegisterWardCommand {
    new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('institutionId', input.institutionId)
      .uuid('departmentId', input.departmentId)
      .throwIfAny();
    return new RegisterWardCommand(
      input.clientRequestId,
      input.institutionId,
      input.departmentId,
      input.specialtyCode,
      input.name,
      input.bedCount,
    );
  }
}
