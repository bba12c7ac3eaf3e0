import { FieldChecks } from '@medgrid/errors';

/** CancelAdmission: an admission not taken up, with the reason. */
export class CancelAdmissionCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Lower case. */
    readonly admissionId: string,
    /** Trimmed; 'cancelled' when the caller gave none. */
    readonly reason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: {
    clientRequestId: string;
    admissionId: string;
    reason: string;
  }): CancelAdmissionCommand {
    new FieldChecks()
      .maxLength('reason', input.reason, 200)
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('admissionId', input.admissionId)
      .throwIfAny();
    return new CancelAdmissionCommand(
      input.clientRequestId,
      input.admissionId.toLowerCase(),
      input.reason.trim() || 'cancelled',
    );
  }
}
