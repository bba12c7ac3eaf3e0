import { Injectable } from '@nestjs/common';
import { type ClientRequest } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { ScheduleRepository } from '../../schedules/domain/schedule.repository';
import { type SessionSnapshot, type SessionView } from '../../schedules/domain/session';
import { BookingError, BookingErrorCode } from '../domain/booking-error';
import { Booking, type BookingSnapshot, type NewBooking } from '../domain/booking';
import { BookingEventPublisher } from '../domain/booking-event-publisher';
import { BookingRepository, RECORDED_BEFORE } from '../domain/booking.repository';
import { type Pool } from '../domain/pool';
import { WaitlistEntry, type WaitlistEntrySnapshot } from '../domain/waitlist-entry';
import { nextInLine } from '../domain/waitlist-order';
import { BookingRulesProvider } from './booking-rules';
import { ReferralHolds, referralHoldEnded } from './referral-holds';

/** A booking to claim a seat for: the seat decides its slot number, the pool tried its pool. */
type NewClaim = Omit<NewBooking, 'slotNumber' | 'pool'>;

/** A claim that took a seat: the booking on it and the session as the claim left it. */
export interface Claimed {
  readonly booking: Booking;
  readonly session: SessionView;
}

/**
 * Takes and gives back seats for every use case: one claim per pool tried in
 * order, and a freed seat goes straight to the next in line on the waitlist
 * (held for them) or back to its pool. Runs inside the caller's transaction.
 */
@Injectable()
export class SeatKeeper {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly schedules: ScheduleRepository,
    private readonly referralHolds: ReferralHolds,
    private readonly events: BookingEventPublisher,
    private readonly rulesProvider: BookingRulesProvider,
  ) {}

  /**
   * The first pool with a free seat wins: the booking on its seat and the session as the claim left it
   * (for the booking's event); null when all are sold out. Given the client request that asks for it, the
   * first seat's statement records the request (see BookingRepository.takeSeat), and RECORDED_BEFORE is
   * answered when an earlier attempt had; the later pools' seats are then taken for the booking the record
   * names, and a null answer leaves the record to the caller's rollback.
   */
  claim(input: NewClaim, pools: readonly Pool[], hold: Date | null, now: Date): Promise<Claimed | null>;
  claim(
    input: NewClaim,
    pools: readonly Pool[],
    hold: Date | null,
    now: Date,
    request: ClientRequest | undefined,
  ): Promise<Claimed | typeof RECORDED_BEFORE | null>;
  async claim(
    input: NewClaim,
    pools: readonly Pool[],
    hold: Date | null,
    now: Date,
    request?: ClientRequest,
  ): Promise<Claimed | typeof RECORDED_BEFORE | null> {
    let toRecord = request;
    for (const pool of pools) {
      const on = (slotNumber: number) =>
        hold
          ? Booking.hold({ ...input, slotNumber, pool }, hold, now)
          : Booking.book({ ...input, slotNumber, pool }, now);
      // The seat decides the slot number: the booking is stored on whichever the statement takes.
      const taken = await this.bookings.takeSeat(on(0).snapshot(), toRecord);
      if (taken === RECORDED_BEFORE) return taken;
      if (taken) return { booking: on(taken.slotNumber), session: taken.session };
      toRecord = undefined; // recorded by the first pool's statement
    }
    return null;
  }

  /**
   * Stores a booking that just ended (cancelled or expired), gives its seat
   * back and announces it: the one way every use case finishes a booking.
   */
  async finish(booking: Booking, now: Date): Promise<void> {
    const { sessionId } = booking.snapshot();
    await this.bookings.update(booking.snapshot(), booking.readVersion);
    const session = (await this.schedules.findSession(sessionId, false))!;
    await this.giveBack(booking, session, now);
    await this.events.bookingsChanged(booking.pullEvents(), (await this.schedules.viewSession(sessionId))!);
  }

  /** Frees a finished booking's seat, ends its referral's hold and offers the seat to the waitlist. */
  async giveBack(booking: Booking, session: SessionSnapshot, now: Date): Promise<void> {
    const { sessionId, slotNumber } = booking.snapshot();
    const pool = await this.bookings.freeSeat(sessionId, slotNumber);
    await this.referralHolds.slotEnded(booking.snapshot(), now);
    if (pool && session.status === 'open' && now < session.endsAt) {
      await this.offerToWaitlist(session, [{ slotNumber, pool }], now);
    }
  }

  /** Locks a referral's hold for the rest of the transaction: taken before any of its bookings. */
  async lockReferralHold(referralId: string): Promise<void> {
    await this.referralHolds.lock(referralId);
  }

  /**
   * Locks the hold of the referral a direct claim names, in the claim's
   * transaction: an acceptance or a cancellation in flight is waited for
   * (the saga takes the same lock first), then a referral that ended or
   * already holds a slot is refused.
   */
  async lockReferralForClaim(referralId: string, field: string): Promise<void> {
    if (!(await this.referralHolds.lock(referralId))) throw referralHoldEnded(field);
    if (await this.bookings.lockActiveForReferral(referralId)) {
      throw new BookingError(
        BookingErrorCode.ReferralAlreadyHolds,
        'the referral already holds a slot',
        field,
      );
    }
  }

  /**
   * A referral's slot taken by the referrer or offered from a waitlist: the
   * referral waits nowhere else any more, and an accepted referral's hold
   * answers with this slot (so referral schedules it).
   */
  async referralSlotTaken(booking: BookingSnapshot, view: SessionView, now: Date): Promise<void> {
    if (!booking.referralId) return;
    await this.withdrawReferralWaiting(booking.referralId, now);
    await this.referralHolds.slotTaken(booking, view, now);
  }

  /** Takes a referral off every waitlist it is on (it holds a slot, or it ended). */
  async withdrawReferralWaiting(referralId: string, now: Date): Promise<void> {
    for (const waiting of await this.bookings.lockWaitingForReferral(referralId))
      await this.withdraw(waiting, now);
  }

  /**
   * Whether a waiting referral ended meanwhile (cancelled, expired or its hold over); locks its hold,
   * so a cancellation in flight is waited for rather than raced.
   */
  private async referralEnded(referralId: string): Promise<boolean> {
    return !(await this.referralHolds.lock(referralId));
  }

  private async withdraw(waiting: WaitlistEntrySnapshot, now: Date): Promise<void> {
    const entry = WaitlistEntry.restore(waiting);
    entry.withdraw(now);
    await this.bookings.updateEntry(entry.snapshot(), waiting.version);
    await this.events.waitlistChanged(entry.pullChanges());
  }

  /** Offers freed seats (which this transaction holds) to waiting patients in order. */
  async offerToWaitlist(
    session: SessionSnapshot,
    seats: readonly { slotNumber: number; pool: Pool }[],
    now: Date,
  ): Promise<void> {
    let waiting = await this.bookings.lockWaiting(session.id);
    for (const seat of seats) {
      const next = nextInLine(waiting, seat.pool);
      if (!next) continue;
      waiting = waiting.filter((entry) => entry.id !== next.id);
      if (next.referralId && (await this.referralEnded(next.referralId))) {
        await this.withdraw(next, now);
        continue;
      }
      const bookingId = uuidv7();
      if (!(await this.bookings.claimFreedSeat(session.id, seat.slotNumber, bookingId))) continue;
      // A referral keeps its slot until the session ends; anyone else must confirm in time.
      const expiresAt = next.referralId
        ? session.endsAt
        : new Date(now.getTime() + this.rulesProvider.rules.waitlistOfferMinutes * 60_000);
      const booking = Booking.hold(
        {
          id: bookingId,
          sessionId: session.id,
          institutionId: session.institutionId,
          groupId: session.groupId,
          slotNumber: seat.slotNumber,
          pool: seat.pool,
          patientResidentId: next.patientResidentId,
          referralId: next.referralId,
          bookedByInstitutionId: next.requestedByInstitutionId,
          priority: next.priority,
          clientRequestId: uuidv7(),
        },
        expiresAt,
        now,
      );
      await this.bookings.insert(booking.snapshot());
      const entry = WaitlistEntry.restore(next);
      entry.offer(bookingId, now);
      await this.bookings.updateEntry(entry.snapshot(), next.version);
      const view = (await this.schedules.viewSession(session.id))!;
      await this.events.bookingsChanged(booking.pullEvents(), view);
      await this.events.waitlistChanged(entry.pullChanges());
      await this.referralSlotTaken(booking.snapshot(), view, now);
    }
  }
}
