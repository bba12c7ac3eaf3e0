import { type SessionView } from '../../schedules/domain/session';
import { type BookingChangedDomainEvent } from './booking';
import { type WaitlistEntrySnapshot } from './waitlist-entry';

/** Port: records the booking context's events in the current transaction's outbox. */
export abstract class BookingEventPublisher {
  /** Bookings of one session changed; each is announced with the session as it now is. */
  abstract bookingsChanged(events: readonly BookingChangedDomainEvent[], session: SessionView): Promise<void>;
  abstract waitlistChanged(entries: readonly WaitlistEntrySnapshot[]): Promise<void>;
}
