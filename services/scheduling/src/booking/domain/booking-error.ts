import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the booking context (slot claims, bookings, waitlists) that a request can break; the code names the rule. */
export enum BookingErrorCode {
  NotFound = 'NOT_FOUND',
  HoldExpired = 'HOLD_EXPIRED',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  SessionHasFreeSlots = 'SESSION_HAS_FREE_SLOTS',
  /** The referral was cancelled or expired, or its slot ended: nothing may be held for it any more. */
  ReferralHoldEnded = 'REFERRAL_HOLD_ENDED',
  SoldOut = 'SOLD_OUT',
  AlreadyBookedInSession = 'ALREADY_BOOKED_IN_SESSION',
  ReferralAlreadyHolds = 'REFERRAL_ALREADY_HOLDS',
  AlreadyWaiting = 'ALREADY_WAITING',
  ReservedPoolNotAllowed = 'RESERVED_POOL_NOT_ALLOWED',
  /** The row changed since this transaction read it (a write without the lock its reader took). */
  VersionConflict = 'VERSION_CONFLICT',
}

function categoryOf(code: BookingErrorCode): ErrorCategory {
  switch (code) {
    case BookingErrorCode.NotFound:
      return 'not-found';
    case BookingErrorCode.HoldExpired:
    case BookingErrorCode.IllegalTransition:
    case BookingErrorCode.SessionHasFreeSlots:
    case BookingErrorCode.ReferralHoldEnded:
      return 'failed-precondition';
    case BookingErrorCode.SoldOut:
      return 'resource-exhausted';
    case BookingErrorCode.AlreadyBookedInSession:
    case BookingErrorCode.ReferralAlreadyHolds:
    case BookingErrorCode.AlreadyWaiting:
      return 'already-exists';
    case BookingErrorCode.ReservedPoolNotAllowed:
      return 'permission-denied';
    case BookingErrorCode.VersionConflict:
      return 'conflict';
  }
}

/** Every failure of the booking context, by code: the context's one error class. */
export class BookingError extends AppError {
  constructor(code: BookingErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
