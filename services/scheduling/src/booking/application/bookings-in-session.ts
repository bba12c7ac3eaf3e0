import { Injectable } from '@nestjs/common';
import { type FreedSeat, SessionBookings } from '../../schedules/application/session-bookings';
import { type SessionSnapshot, type SessionView } from '../../schedules/domain/session';
import { Booking } from '../domain/booking';
import { BookingEventPublisher } from '../domain/booking-event-publisher';
import { BookingRepository } from '../domain/booking.repository';
import { ReferralHolds } from './referral-holds';
import { SeatKeeper } from './seat-keeper';

/** What a change of a session does to its bookings, for the schedules context's use cases. */
@Injectable()
export class BookingsInSession extends SessionBookings {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly seats: SeatKeeper,
    private readonly referralHolds: ReferralHolds,
    private readonly events: BookingEventPublisher,
  ) {
    super();
  }

  async lockLive(sessionId: string): Promise<number> {
    return (await this.bookings.lockActiveInSession(sessionId)).length;
  }

  async cancelAll(session: SessionView, reason: string, now: Date): Promise<number> {
    const live = await this.bookings.lockActiveInSession(session.id);
    for (const found of live) {
      const booking = Booking.restore(found);
      booking.cancel(reason, now, 'session-cancelled');
      await this.bookings.update(booking.snapshot(), booking.readVersion);
      await this.events.bookingsChanged(booking.pullEvents(), session);
      await this.referralHolds.slotEnded(booking.snapshot(), now);
    }
    return live.length;
  }

  async moveAll(
    before: SessionSnapshot,
    after: SessionSnapshot,
    view: SessionView,
    now: Date,
  ): Promise<number> {
    const live = await this.bookings.lockActiveInSession(before.id);
    for (const found of live) {
      const booking = Booking.restore(found);
      booking.sessionMoved(now, before, after);
      await this.bookings.update(booking.snapshot(), booking.readVersion);
      await this.events.bookingsChanged(booking.pullEvents(), view);
    }
    return live.length;
  }

  offerToWaitlist(session: SessionSnapshot, seats: readonly FreedSeat[], now: Date): Promise<void> {
    return this.seats.offerToWaitlist(session, seats, now);
  }
}
