import { AppError, type ErrorCategory } from '@medgrid/errors';

export enum ReferralErrorCode {
  NotFound = 'REFERRAL_NOT_FOUND',
  NotYourInstitution = 'NOT_YOUR_INSTITUTION',
  SameInstitution = 'SAME_INSTITUTION',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  TextRequired = 'REQUIRED',
  OutsideGroup = 'OUTSIDE_GROUP',
  GroupNotKnown = 'GROUP_NOT_KNOWN',
  NotAllowed = 'NOT_ALLOWED',
  NoPrimaryInstitution = 'NO_PRIMARY_INSTITUTION',
  PatientNotRegistered = 'PATIENT_NOT_REGISTERED',
}

function categoryOf(code: ReferralErrorCode): ErrorCategory {
  switch (code) {
    case ReferralErrorCode.NotFound:
      return 'not-found';
    case ReferralErrorCode.NotYourInstitution:
      return 'permission-denied';
    case ReferralErrorCode.SameInstitution:
      return 'invalid-argument';
    case ReferralErrorCode.IllegalTransition:
    case ReferralErrorCode.GroupNotKnown:
    case ReferralErrorCode.PatientNotRegistered:
      return 'failed-precondition';
    case ReferralErrorCode.TextRequired:
    case ReferralErrorCode.OutsideGroup:
    case ReferralErrorCode.NoPrimaryInstitution:
      return 'invalid-argument';
    case ReferralErrorCode.NotAllowed:
      return 'permission-denied';
  }
}

/** Every failure of the referral context, by code: the context's one error class. */
export class ReferralError extends AppError {
  constructor(code: ReferralErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
