import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  bookingId: requestField.uuid(),
});

/** ConfirmBooking: a held slot made a booking. */
export class ConfirmBookingCommand {
  private constructor(
    /** Lower case, like the booking's id. */
    readonly clientRequestId: string,
    readonly bookingId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: z.input<typeof fields>): ConfirmBookingCommand {
    const { clientRequestId, bookingId } = parseFields(fields, input);
    return new ConfirmBookingCommand(clientRequestId, bookingId);
  }
}
