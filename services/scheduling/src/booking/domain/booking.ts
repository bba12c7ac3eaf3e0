import { BookingError, BookingErrorCode } from './booking-error';
import { type Pool, type Priority } from './pool';

export type BookingStatus = 'held' | 'booked' | 'cancelled' | 'expired';

export type BookingChange =
  'held' | 'booked' | 'cancelled' | 'expired' | 'session-cancelled' | 'session-moved';

export interface BookingSnapshot {
  readonly id: string;
  readonly sessionId: string;
  readonly institutionId: string;
  readonly groupId: string;
  readonly slotNumber: number;
  readonly pool: Pool;
  readonly status: BookingStatus;
  readonly patientResidentId: string;
  /** Empty when no referral is behind it. */
  readonly referralId: string;
  readonly bookedByInstitutionId: string;
  readonly priority: Priority;
  readonly holdExpiresAt: Date | null;
  readonly clientRequestId: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly cancelReason: string;
  readonly version: number;
}

export interface BookingChangedDomainEvent {
  readonly change: BookingChange;
  readonly booking: BookingSnapshot;
}

export type NewBooking = Omit<
  BookingSnapshot,
  'status' | 'holdExpiresAt' | 'createdAt' | 'updatedAt' | 'cancelReason' | 'version'
>;

/**
 * One patient's claim on one numbered slot. The slot itself is taken in the
 * database with one atomic statement (see the seat repository); this
 * aggregate guards what may happen to the claim afterwards.
 */
export class Booking {
  private events: BookingChangedDomainEvent[] = [];

  private constructor(
    private state: BookingSnapshot,
    /** The version it was stored at when read (0 for a new booking): what its update is checked against. */
    readonly readVersion: number,
  ) {}

  static hold(input: NewBooking, expiresAt: Date, now: Date): Booking {
    return Booking.open(input, 'held', expiresAt, now);
  }

  static book(input: NewBooking, now: Date): Booking {
    return Booking.open(input, 'booked', null, now);
  }

  private static open(input: NewBooking, status: BookingStatus, expiresAt: Date | null, now: Date): Booking {
    const booking = new Booking(
      {
        ...input,
        status,
        holdExpiresAt: expiresAt,
        createdAt: now,
        updatedAt: now,
        cancelReason: '',
        version: 1,
      },
      0,
    );
    booking.record(status === 'held' ? 'held' : 'booked');
    return booking;
  }

  static restore(snapshot: BookingSnapshot): Booking {
    return new Booking(snapshot, snapshot.version);
  }

  /** Whether a step changed it since it was read; a step that changed nothing is not stored. */
  get changed(): boolean {
    return this.state.version !== this.readVersion;
  }

  get isActive(): boolean {
    return this.state.status === 'held' || this.state.status === 'booked';
  }

  confirm(now: Date): void {
    if (this.state.status === 'booked') return;
    this.require(['held'], 'confirm');
    if (this.state.holdExpiresAt && now >= this.state.holdExpiresAt) {
      throw new BookingError(
        BookingErrorCode.HoldExpired,
        `the hold expired at ${this.state.holdExpiresAt.toISOString()}`,
        'bookingId',
      );
    }
    this.apply({ status: 'booked', holdExpiresAt: null }, 'booked', now);
  }

  cancel(reason: string, now: Date, change: 'cancelled' | 'session-cancelled' = 'cancelled'): void {
    this.require(['held', 'booked'], 'cancel');
    this.apply({ status: 'cancelled', cancelReason: reason }, change, now);
  }

  expire(now: Date): void {
    this.require(['held'], 'expire');
    if (!this.state.holdExpiresAt || now < this.state.holdExpiresAt) {
      throw new BookingError(BookingErrorCode.IllegalTransition, 'the hold has not run out yet');
    }
    this.apply({ status: 'expired' }, 'expired', now);
  }

  /**
   * The session moved: the claim stays, the patient is told. A hold that
   * lasted until the session's end (a referral's) follows the new end; no
   * hold outlives the session it is for.
   */
  sessionMoved(now: Date, from: { endsAt: Date }, to: { endsAt: Date }): void {
    if (!this.isActive) return;
    const hold = this.state.holdExpiresAt;
    const holdExpiresAt = hold === null ? null : hold >= from.endsAt || hold > to.endsAt ? to.endsAt : hold;
    this.apply({ holdExpiresAt }, 'session-moved', now);
  }

  snapshot(): BookingSnapshot {
    return { ...this.state };
  }

  pullEvents(): BookingChangedDomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private require(allowed: BookingStatus[], action: string): void {
    if (!allowed.includes(this.state.status)) {
      throw new BookingError(
        BookingErrorCode.IllegalTransition,
        `cannot ${action} a booking that is ${this.state.status}`,
        'bookingId',
      );
    }
  }

  private apply(patch: Partial<BookingSnapshot>, change: BookingChange, now: Date): void {
    this.state = { ...this.state, ...patch, updatedAt: now, version: this.state.version + 1 };
    this.record(change);
  }

  private record(change: BookingChange): void {
    this.events.push({ change, booking: this.snapshot() });
  }
}
