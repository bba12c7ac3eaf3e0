import { FieldChecks } from '@medgrid/errors';

/** GetBooking: one booking, an audited read of patient data. */
export class GetBookingQuery {
  private constructor(
    /** Lower case. */
    readonly bookingId: string,
    /** Why the caller reads it, for the audit log. */
    readonly purpose: string,
  ) {}

  static create(input: { bookingId: string; purpose?: string }): GetBookingQuery {
    new FieldChecks().uuid('bookingId', input.bookingId).throwIfAny();
    return new GetBookingQuery(input.bookingId.toLowerCase(), input.purpose ?? 'booking look-up');
  }
}
