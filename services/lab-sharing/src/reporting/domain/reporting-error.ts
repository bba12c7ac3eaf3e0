import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/** Every rule of the reporting context that a request can break; the code names the rule. */
export enum ReportingErrorCode {
  InvalidContent = 'INVALID_REPORT_CONTENT',
  IncompleteReport = 'INCOMPLETE_REPORT',
  ReasonRequired = 'REASON_REQUIRED',
  ReporterOfAnotherCentre = 'REPORTER_OF_ANOTHER_CENTRE',
  ClaimedByAnother = 'CLAIMED_BY_ANOTHER_REPORTER',
  ClaimRequired = 'CLAIM_REQUIRED',
  IllegalStep = 'ILLEGAL_STEP',
  NotTheOrderingInstitution = 'NOT_THE_ORDERING_INSTITUTION',
  ClinicianRequired = 'CLINICIAN_REQUIRED',
  AlreadyAcknowledged = 'ALREADY_ACKNOWLEDGED',
  InvalidTurnaroundTable = 'INVALID_TURNAROUND_TABLE',
  ReportNotFound = 'REPORT_NOT_FOUND',
  CriticalValueNotFound = 'CRITICAL_VALUE_NOT_FOUND',
  CentreNotFound = 'CENTRE_NOT_FOUND',
  ReporterRequired = 'REPORTER_REQUIRED',
  Forbidden = 'FORBIDDEN',
  VersionConflict = 'VERSION_CONFLICT',
}

function categoryOf(code: ReportingErrorCode): ErrorCategory {
  switch (code) {
    case ReportingErrorCode.InvalidContent:
    case ReportingErrorCode.ReasonRequired:
    case ReportingErrorCode.InvalidTurnaroundTable:
      return 'invalid-argument';
    case ReportingErrorCode.IncompleteReport:
    case ReportingErrorCode.ClaimedByAnother:
    case ReportingErrorCode.ClaimRequired:
    case ReportingErrorCode.IllegalStep:
    case ReportingErrorCode.AlreadyAcknowledged:
      return 'failed-precondition';
    case ReportingErrorCode.ReporterOfAnotherCentre:
    case ReportingErrorCode.NotTheOrderingInstitution:
    case ReportingErrorCode.ClinicianRequired:
    case ReportingErrorCode.ReporterRequired:
    case ReportingErrorCode.Forbidden:
      return 'permission-denied';
    case ReportingErrorCode.ReportNotFound:
    case ReportingErrorCode.CriticalValueNotFound:
    case ReportingErrorCode.CentreNotFound:
      return 'not-found';
    case ReportingErrorCode.VersionConflict:
      return 'conflict';
  }
}

/** Every failure of the reporting context, by code: the context's one error class. */
export class ReportingError extends AppError {
  constructor(
    code: ReportingErrorCode,
    message: string,
    field?: string,
    violations: readonly FieldViolation[] = field ? [{ field, reason: code, description: message }] : [],
  ) {
    super(categoryOf(code), code, message, violations);
  }

  /** Several fields at once, each named. */
  static of(code: ReportingErrorCode, violations: readonly FieldViolation[]): ReportingError {
    return new ReportingError(
      code,
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      violations,
    );
  }
}
