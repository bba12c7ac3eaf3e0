import { FieldChecks } from '@medgrid/errors';

/** CancelBooking: a slot given back, with the reason. */
export class CancelBookingCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Lower case. */
    readonly bookingId: string,
    /** Trimmed; 'cancelled' when the caller gave none. */
    readonly reason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: { clientRequestId: string; bookingId: string; reason: string }): CancelBookingCommand {
    new FieldChecks()
      .maxLength('reason', input.reason, 200)
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('bookingId', input.bookingId)
      .throwIfAny();
    return new CancelBookingCommand(
      input.clientRequestId,
      input.bookingId.toLowerCase(),
      input.reason.trim() || 'cancelled',
    );
  }
}
