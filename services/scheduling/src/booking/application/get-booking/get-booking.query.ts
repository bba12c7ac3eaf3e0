import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  bookingId: requestField.uuid(),
  purpose: z.string().default('booking look-up'),
});

/** GetBooking: one booking, an audited read of patient data. */
export class GetBookingQuery {
  private constructor(
    /** Lower case. */
    readonly bookingId: string,
    /** Why the caller reads it, for the audit log. */
    readonly purpose: string,
  ) {}

  static create(input: z.input<typeof fields>): GetBookingQuery {
    const { bookingId, purpose } = parseFields(fields, input);
    return new GetBookingQuery(bookingId, purpose);
  }
}
