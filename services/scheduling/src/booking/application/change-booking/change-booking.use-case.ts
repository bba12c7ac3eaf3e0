import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { ScheduleRepository } from '../../../schedules/domain/schedule.repository';
import { ClientRequestLog } from '../../../shared/client-request-log';
import { canSeeClaim, requireAllowed } from '../../../shared/scheduling-access.policy';
import { SchedulingError, SchedulingErrorCode } from '../../../shared/scheduling-error';
import { SchedulingEvents } from '../../../shared/scheduling-events';
import { Booking, type BookingSnapshot } from '../../domain/booking';
import { BookingRepository } from '../../domain/booking.repository';
import { SeatKeeper } from '../seat-keeper';

/** ConfirmBooking and CancelBooking, plus cancellation on behalf of a cancelled referral. */
@Injectable()
export class ChangeBookingUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingRepository,
    private readonly schedules: ScheduleRepository,
    private readonly requests: ClientRequestLog,
    private readonly seats: SeatKeeper,
    private readonly events: SchedulingEvents,
  ) {}

  confirm(
    identity: Identity,
    clientRequestId: string,
    bookingId: string,
    now = new Date(),
  ): Promise<BookingSnapshot> {
    return this.change(identity, 'confirm-booking', clientRequestId, bookingId, now, (booking) => {
      booking.confirm(now);
    });
  }

  cancel(
    identity: Identity,
    clientRequestId: string,
    bookingId: string,
    reason: string,
    now = new Date(),
  ): Promise<BookingSnapshot> {
    new FieldChecks().maxLength('reason', reason, 200).throwIfAny();
    return this.change(identity, 'cancel-booking', clientRequestId, bookingId, now, (booking) => {
      booking.cancel(reason.trim() || 'cancelled', now);
    });
  }

  private async change(
    identity: Identity,
    operation: string,
    clientRequestId: string,
    bookingId: string,
    now: Date,
    apply: (booking: Booking) => void,
  ): Promise<BookingSnapshot> {
    new FieldChecks().uuid('clientRequestId', clientRequestId).uuid('bookingId', bookingId).throwIfAny();
    return this.uow.run(async () => {
      const id = bookingId.toLowerCase();
      // A referral's hold is locked before its booking, in the order the saga takes them.
      const referralId = (await this.bookings.find(id, false))?.referralId;
      if (referralId) await this.seats.lockReferralHold(referralId);
      const found = await this.bookings.find(id, true);
      if (!found)
        throw new SchedulingError(SchedulingErrorCode.NotFound, 'no booking with this id', 'bookingId');
      requireAllowed(
        canSeeClaim(identity, { ...found, requestedBy: found.bookedByInstitutionId }),
        'change this booking',
      );
      if (await this.requests.isRetryOn(operation, clientRequestId, found.id)) return found;
      const booking = Booking.restore(found);
      apply(booking);
      if (booking.isActive) {
        await this.bookings.update(booking.snapshot());
        await this.events.bookingsChanged(
          booking.pullEvents(),
          (await this.schedules.viewSession(found.sessionId))!,
        );
      } else {
        await this.seats.finish(booking, now);
      }
      return booking.snapshot();
    });
  }
}
