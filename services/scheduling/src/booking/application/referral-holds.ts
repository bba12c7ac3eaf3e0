import { type SessionView } from '../../schedules/domain/session';
import { BookingError, BookingErrorCode } from '../domain/booking-error';
import { type BookingSnapshot } from '../domain/booking';

/** What scheduling knows of a referral a claim names, for the priorities it brings. */
export interface KnownReferral {
  readonly contractedPriority: boolean;
  readonly greenChannel: boolean;
}

/** Refused: the referral's hold is over, so a claim in its name would hold a slot nobody follows up. */
export function referralHoldEnded(field: string): BookingError {
  return new BookingError(
    BookingErrorCode.ReferralHoldEnded,
    'the referral was cancelled or expired, or its slot has ended: nothing can be held for it any more',
    field,
  );
}

/**
 * Port: what booking needs of the holds the referral saga keeps for referrals
 * (the holds context implements it, since it builds on booking). Every method
 * runs in the caller's transaction.
 */
export abstract class ReferralHolds {
  /**
   * The referral a claim names, known to scheduling for this hospital and patient; null when none
   * is named. An unknown or ended one is refused on `field` rather than ignored: the caller
   * expects the reserved pool and the priority it brings.
   */
  abstract known(
    referralId: string,
    institutionId: string,
    patientResidentId: string,
    field: string,
  ): Promise<KnownReferral | null>;

  /**
   * Locks the referral's hold for the rest of the transaction (taken before any of its bookings,
   * in the order the saga takes them); whether the hold is still live.
   */
  abstract lock(referralId: string): Promise<boolean>;

  /** A referral's slot that ends (cancelled, expired, session closed) ends its hold, so referral hears of it. */
  abstract slotEnded(booking: BookingSnapshot, now: Date): Promise<void>;

  /** A referral's slot taken by the referrer or offered from a waitlist: an accepted referral's hold answers with it. */
  abstract slotTaken(booking: BookingSnapshot, view: SessionView, now: Date): Promise<void>;
}
