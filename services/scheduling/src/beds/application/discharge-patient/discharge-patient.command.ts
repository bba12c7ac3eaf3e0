import { FieldChecks } from '@medgrid/errors';

/** Discharge: an admitted patient leaves, and their bed is free again. */
export class DischargePatientCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Lower case. */
    readonly admissionId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: { clientRequestId: string; admissionId: string }): DischargePatientCommand {
    new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('admissionId', input.admissionId)
      .throwIfAny();
    return new DischargePatientCommand(input.clientRequestId, input.admissionId.toLowerCase());
  }
}
