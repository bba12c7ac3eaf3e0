import { FieldChecks } from '@medgrid/errors';

/** LeaveWaitlist: a place in a session's queue given up. */
export class LeaveWaitlistCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Lower case. */
    readonly entryId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: { clientRequestId: string; entryId: string }): LeaveWaitlistCommand {
    new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('entryId', input.entryId)
      .throwIfAny();
    return new LeaveWaitlistCommand(input.clientRequestId, input.entryId.toLowerCase());
  }
}
