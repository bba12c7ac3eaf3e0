import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the centres context that a request can break; the code names the rule. */
export enum CentreErrorCode {
  InvalidName = 'INVALID_CENTRE_NAME',
  HostNotInGroup = 'HOST_NOT_IN_GROUP',
  HostCannotRunCentre = 'HOST_CANNOT_RUN_CENTRE',
  NotAGroupMember = 'NOT_A_GROUP_MEMBER',
  AlreadyServed = 'ALREADY_SERVED',
  NotServed = 'NOT_SERVED',
  HostIsAlwaysServed = 'HOST_IS_ALWAYS_SERVED',
  CentreClosed = 'CENTRE_CLOSED',
  KindNotReported = 'KIND_NOT_REPORTED_BY_CENTRE',
  NotAReporterOfCentre = 'NOT_A_REPORTER_OF_THE_CENTRE',
  SpecialtyDoesNotFit = 'SPECIALTY_DOES_NOT_FIT',
  InvalidQualityRecord = 'INVALID_QUALITY_RECORD',
  UnknownInstitution = 'UNKNOWN_INSTITUTION',
  UnknownGroup = 'UNKNOWN_GROUP',
  NotFound = 'CENTRE_NOT_FOUND',
  VersionConflict = 'CENTRE_VERSION_CONFLICT',
  Forbidden = 'FORBIDDEN',
}

function categoryOf(code: CentreErrorCode): ErrorCategory {
  switch (code) {
    case CentreErrorCode.InvalidName:
    case CentreErrorCode.InvalidQualityRecord:
    case CentreErrorCode.UnknownInstitution:
    case CentreErrorCode.UnknownGroup:
      return 'invalid-argument';
    case CentreErrorCode.NotFound:
      return 'not-found';
    case CentreErrorCode.VersionConflict:
      return 'conflict';
    case CentreErrorCode.Forbidden:
      return 'permission-denied';
    case CentreErrorCode.AlreadyServed:
      return 'already-exists';
    case CentreErrorCode.HostNotInGroup:
    case CentreErrorCode.HostCannotRunCentre:
    case CentreErrorCode.NotAGroupMember:
    case CentreErrorCode.NotServed:
    case CentreErrorCode.HostIsAlwaysServed:
    case CentreErrorCode.CentreClosed:
    case CentreErrorCode.KindNotReported:
      return 'failed-precondition';
    case CentreErrorCode.NotAReporterOfCentre:
    case CentreErrorCode.SpecialtyDoesNotFit:
      return 'permission-denied';
  }
}

/** Every failure of the centres context, by code: the context's one error class. */
export class CentreError extends AppError {
  constructor(code: CentreErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
