import { FieldChecks } from '@medgrid/errors';

/** ConfirmBooking: a held slot made a booking. */
export class ConfirmBookingCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Lower case. */
    readonly bookingId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: { clientRequestId: string; bookingId: string }): ConfirmBookingCommand {
    new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('bookingId', input.bookingId)
      .throwIfAny();
    return new ConfirmBookingCommand(input.clientRequestId, input.bookingId.toLowerCase());
  }
}
