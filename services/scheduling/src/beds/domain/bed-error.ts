import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the beds context (wards, admissions) that a request can break; the code names the rule. */
export enum BedErrorCode {
  NotFound = 'NOT_FOUND',
  UnknownDepartment = 'UNKNOWN_DEPARTMENT',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  NoBedFree = 'NO_BED_FREE',
  AlreadyAdmitted = 'ALREADY_ADMITTED',
  WardNameTaken = 'WARD_NAME_TAKEN',
  /** The row changed since this transaction read it (a write without the lock its reader took). */
  VersionConflict = 'VERSION_CONFLICT',
}

function categoryOf(code: BedErrorCode): ErrorCategory {
  switch (code) {
    case BedErrorCode.NotFound:
      return 'not-found';
    case BedErrorCode.UnknownDepartment:
      return 'invalid-argument';
    case BedErrorCode.IllegalTransition:
      return 'failed-precondition';
    case BedErrorCode.NoBedFree:
      return 'resource-exhausted';
    case BedErrorCode.AlreadyAdmitted:
    case BedErrorCode.WardNameTaken:
      return 'already-exists';
    case BedErrorCode.VersionConflict:
      return 'conflict';
  }
}

/** Every failure of the beds context, by code: the context's one error class. */
export class BedError extends AppError {
  constructor(code: BedErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
