import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the holds context (scheduling's side of the referral saga) that a request can break; the code names the rule. */
export enum HoldErrorCode {
  HoldRequestNotFound = 'HOLD_REQUEST_NOT_FOUND',
  /** No referral of this patient to this hospital is known to scheduling (yet). */
  ReferralUnknown = 'REFERRAL_UNKNOWN',
  /** The row changed since this transaction read it (a write without the lock its reader took). */
  VersionConflict = 'VERSION_CONFLICT',
}

function categoryOf(code: HoldErrorCode): ErrorCategory {
  switch (code) {
    case HoldErrorCode.HoldRequestNotFound:
      return 'not-found';
    case HoldErrorCode.ReferralUnknown:
      return 'failed-precondition';
    case HoldErrorCode.VersionConflict:
      return 'conflict';
  }
}

/** Every failure of the holds context, by code: the context's one error class. */
export class HoldError extends AppError {
  constructor(code: HoldErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
