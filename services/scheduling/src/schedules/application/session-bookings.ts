import { type SessionSnapshot, type SessionView } from '../domain/session';

/** A seat this transaction freed or released, to offer to the session's waitlist. */
export interface FreedSeat {
  readonly slotNumber: number;
  readonly pool: 'reserved' | 'public';
}

/**
 * Port: what a change of a session does to the bookings in it. The booking
 * context implements it (bookings are made in sessions, so booking builds on
 * schedules, not the other way). Every method runs in the caller's transaction.
 */
export abstract class SessionBookings {
  /** Locks the session's live (held or booked) bookings for the rest of the transaction; how many there are. */
  abstract lockLive(sessionId: string): Promise<number>;

  /**
   * Cancels every live booking of a session that closed (its seats are gone), announcing each with
   * the closed session and ending their referrals' holds; how many.
   */
  abstract cancelAll(session: SessionView, reason: string, now: Date): Promise<number>;

  /**
   * Moves every live booking with its session (each keeps its slot number), announcing each with
   * the session where it now is; how many.
   */
  abstract moveAll(
    before: SessionSnapshot,
    after: SessionSnapshot,
    view: SessionView,
    now: Date,
  ): Promise<number>;

  /** Offers seats this transaction freed or released to the session's waitlist, in its order. */
  abstract offerToWaitlist(session: SessionSnapshot, seats: readonly FreedSeat[], now: Date): Promise<void>;
}
