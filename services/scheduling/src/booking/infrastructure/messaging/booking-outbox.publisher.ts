import { Injectable } from '@nestjs/common';
import { BookingChangedEvent, schedulingEventsV1 as e, WaitlistChangedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { sessionToProto } from '../../../schedules/contracts/schedule.proto-mapper';
import { type SessionView } from '../../../schedules/domain/session';
import { bookingToProto, entryToProto } from '../../contracts/booking.proto-mapper';
import { type BookingChange, type BookingChangedDomainEvent } from '../../domain/booking';
import { BookingEventPublisher } from '../../domain/booking-event-publisher';
import { type WaitlistEntrySnapshot } from '../../domain/waitlist-entry';

function bookingChange(change: BookingChange): e.BookingChange {
  switch (change) {
    case 'held':
      return e.BookingChange.BOOKING_CHANGE_HELD;
    case 'booked':
      return e.BookingChange.BOOKING_CHANGE_BOOKED;
    case 'cancelled':
      return e.BookingChange.BOOKING_CHANGE_CANCELLED;
    case 'expired':
      return e.BookingChange.BOOKING_CHANGE_EXPIRED;
    case 'session-cancelled':
      return e.BookingChange.BOOKING_CHANGE_SESSION_CANCELLED;
    case 'session-moved':
      return e.BookingChange.BOOKING_CHANGE_SESSION_MOVED;
  }
}

/** Writes the booking context's events to the outbox, keyed by aggregate id, in the caller's transaction. */
@Injectable()
export class BookingOutboxPublisher extends BookingEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async bookingsChanged(events: readonly BookingChangedDomainEvent[], session: SessionView): Promise<void> {
    if (events.length === 0) return;
    await this.outbox.appendMany(
      BookingChangedEvent,
      events.map((event) => ({
        aggregateId: event.booking.id,
        aggregateVersion: event.booking.version,
        occurredAt: event.booking.updatedAt,
        payload: {
          change: bookingChange(event.change),
          booking: bookingToProto(event.booking, session),
          session: sessionToProto(session),
        },
      })),
    );
  }

  async waitlistChanged(entries: readonly WaitlistEntrySnapshot[]): Promise<void> {
    if (entries.length === 0) return;
    await this.outbox.appendMany(
      WaitlistChangedEvent,
      entries.map((entry) => ({
        aggregateId: entry.id,
        aggregateVersion: entry.version,
        occurredAt: entry.updatedAt,
        payload: { entry: entryToProto(entry, 0) },
      })),
    );
  }
}
