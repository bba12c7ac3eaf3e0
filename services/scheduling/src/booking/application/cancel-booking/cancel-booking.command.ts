import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  bookingId: requestField.uuid(),
  reason: requestField.optionalText(200).transform((reason) => reason || 'cancelled'),
});

export type CancelBookingInput = z.input<typeof fields>;

/** CancelBooking: a slot given back, with the reason. */
export class CancelBookingCommand {
  private constructor(
    /** Lower case, like the booking's id. */
    readonly clientRequestId: string,
    readonly bookingId: string,
    /** Trimmed; 'cancelled' when the caller gave none. */
    readonly reason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: CancelBookingInput): CancelBookingCommand {
    const { clientRequestId, bookingId, reason } = parseFields(fields, input);
    return new CancelBookingCommand(clientRequestId, bookingId, reason);
  }
}
