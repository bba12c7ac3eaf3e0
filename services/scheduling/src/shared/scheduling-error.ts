import { AppError, type ErrorCategory } from '@medgrid/errors';

export enum SchedulingErrorCode {
  HoldRequestNotFound = 'HOLD_REQUEST_NOT_FOUND',
  NotFound = 'NOT_FOUND',
  UnknownInstitution = 'UNKNOWN_INSTITUTION',
  UnknownDepartment = 'UNKNOWN_DEPARTMENT',
  /** No city with this id is known from the registry's events. */
  UnknownCity = 'UNKNOWN_CITY',
  NotAHospital = 'NOT_A_HOSPITAL',
  RatioBelowFloor = 'RATIO_BELOW_FLOOR',
  OverrideNotAllowed = 'OVERRIDE_NOT_ALLOWED',
  CapacityBelowTaken = 'CAPACITY_BELOW_TAKEN',
  /** A resize would leave the reserved pool short of the hospital's share. */
  ReserveBelowRatio = 'RESERVE_BELOW_RATIO',
  SessionClosed = 'SESSION_CLOSED',
  SessionStarted = 'SESSION_STARTED',
  /** The doctor already has an open session in the band asked for. */
  SessionOverlaps = 'SESSION_OVERLAPS',
  SoldOut = 'SOLD_OUT',
  ReservedPoolNotAllowed = 'RESERVED_POOL_NOT_ALLOWED',
  AlreadyBookedInSession = 'ALREADY_BOOKED_IN_SESSION',
  ReferralAlreadyHolds = 'REFERRAL_ALREADY_HOLDS',
  HoldExpired = 'HOLD_EXPIRED',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  SessionHasFreeSlots = 'SESSION_HAS_FREE_SLOTS',
  AlreadyWaiting = 'ALREADY_WAITING',
  NoBedFree = 'NO_BED_FREE',
  AlreadyAdmitted = 'ALREADY_ADMITTED',
  WardNameTaken = 'WARD_NAME_TAKEN',
  Forbidden = 'FORBIDDEN',
  ReferralUnknown = 'REFERRAL_UNKNOWN',
  /** The referral was cancelled or expired, or its slot ended: nothing may be held for it any more. */
  ReferralHoldEnded = 'REFERRAL_HOLD_ENDED',
}

function categoryOf(code: SchedulingErrorCode): ErrorCategory {
  switch (code) {
    case SchedulingErrorCode.HoldRequestNotFound:
    case SchedulingErrorCode.NotFound:
      return 'not-found';
    case SchedulingErrorCode.UnknownInstitution:
    case SchedulingErrorCode.UnknownDepartment:
    case SchedulingErrorCode.UnknownCity:
    case SchedulingErrorCode.NotAHospital:
    case SchedulingErrorCode.RatioBelowFloor:
    case SchedulingErrorCode.CapacityBelowTaken:
    case SchedulingErrorCode.ReserveBelowRatio:
      return 'invalid-argument';
    case SchedulingErrorCode.SessionClosed:
    case SchedulingErrorCode.SessionStarted:
    case SchedulingErrorCode.SessionOverlaps:
    case SchedulingErrorCode.HoldExpired:
    case SchedulingErrorCode.IllegalTransition:
    case SchedulingErrorCode.SessionHasFreeSlots:
    case SchedulingErrorCode.ReferralUnknown:
    case SchedulingErrorCode.ReferralHoldEnded:
      return 'failed-precondition';
    case SchedulingErrorCode.SoldOut:
    case SchedulingErrorCode.NoBedFree:
      return 'resource-exhausted';
    case SchedulingErrorCode.AlreadyBookedInSession:
    case SchedulingErrorCode.ReferralAlreadyHolds:
    case SchedulingErrorCode.AlreadyWaiting:
    case SchedulingErrorCode.AlreadyAdmitted:
    case SchedulingErrorCode.WardNameTaken:
      return 'already-exists';
    case SchedulingErrorCode.ReservedPoolNotAllowed:
    case SchedulingErrorCode.OverrideNotAllowed:
    case SchedulingErrorCode.Forbidden:
      return 'permission-denied';
  }
}

/** Every failure of the scheduling service, by code. */
export class SchedulingError extends AppError {
  constructor(code: SchedulingErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
