import { type AdmissionChangedDomainEvent } from '../beds/domain/admission';
import { type BookingChangedDomainEvent } from '../booking/domain/booking';
import { type WaitlistEntrySnapshot } from '../booking/domain/waitlist-entry';
import { type SlotHoldRequestSnapshot } from '../holds/domain/slot-hold-request';
import { type SessionChange, type SessionView } from '../schedules/domain/session';

/**
 * Every fact scheduling announces. The adapter writes them to the outbox in
 * the caller's transaction, so a change and its event commit together.
 */
export abstract class SchedulingEvents {
  abstract bookingsChanged(events: readonly BookingChangedDomainEvent[], session: SessionView): Promise<void>;
  abstract sessionChanged(change: SessionChange, session: SessionView, released?: number): Promise<void>;
  abstract waitlistChanged(entries: readonly WaitlistEntrySnapshot[]): Promise<void>;
  abstract admissionsChanged(events: readonly AdmissionChangedDomainEvent[]): Promise<void>;
  abstract slotHoldRequested(request: SlotHoldRequestSnapshot): Promise<void>;
  abstract slotHoldChanged(
    request: SlotHoldRequestSnapshot,
    booking: BookingChangedDomainEvent['booking'] | null,
    session: SessionView | null,
  ): Promise<void>;
}
