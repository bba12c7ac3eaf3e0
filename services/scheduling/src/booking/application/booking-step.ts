import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { ScheduleRepository } from '../../schedules/domain/schedule.repository';
import { canChangeClaim, requireAllowed } from '../../common/scheduling-access.policy';
import { BookingError, BookingErrorCode } from '../domain/booking-error';
import { Booking, type BookingSnapshot } from '../domain/booking';
import { BookingEventPublisher } from '../domain/booking-event-publisher';
import { BookingRepository } from '../domain/booking.repository';
import { SeatKeeper } from './seat-keeper';

/**
 * One step a caller takes on a stored booking (ConfirmBooking, CancelBooking),
 * the way each such step runs: the referral's hold is locked before the
 * booking, in the order the saga takes them; the caller must be one who may
 * see the booking; a retry answers the booking as it is; a booking the step
 * ends gives its seat back.
 */
@Injectable()
export class BookingStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingRepository,
    private readonly schedules: ScheduleRepository,
    private readonly requests: ClientRequests,
    private readonly seats: SeatKeeper,
    private readonly events: BookingEventPublisher,
  ) {}

  run(
    identity: Identity,
    operation: 'confirm-booking' | 'cancel-booking',
    command: { clientRequestId: string; bookingId: string },
    now: Date,
    apply: (booking: Booking) => void,
  ): Promise<BookingSnapshot> {
    return this.uow.run(async () => {
      const id = command.bookingId;
      // A referral's hold is locked before its booking, in the order the saga takes them.
      const referralId = (await this.bookings.find(id, false))?.referralId;
      if (referralId) await this.seats.lockReferralHold(referralId);
      const found = await this.bookings.find(id, true);
      if (!found) throw new BookingError(BookingErrorCode.NotFound, 'no booking with this id', 'bookingId');
      requireAllowed(
        canChangeClaim(identity, { ...found, requestedBy: found.bookedByInstitutionId }),
        'change this booking',
      );
      if (await this.requests.isRetry(clientRequestOf(operation, command), found.id)) return found;
      const booking = Booking.restore(found);
      apply(booking);
      // A step that changes nothing (confirming a booking already booked) is neither stored nor announced.
      if (!booking.changed) return found;
      if (booking.isActive) {
        await this.bookings.update(booking.snapshot(), booking.readVersion);
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
