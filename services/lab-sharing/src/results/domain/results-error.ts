import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the results context that a request can break; the code names the rule. */
export enum ResultsErrorCode {
  NotSigned = 'REPORT_NOT_SIGNED',
  ReportOfAnotherResult = 'REPORT_OF_ANOTHER_RESULT',
  StaleReportVersion = 'STALE_REPORT_VERSION',
  AlreadyEnteredInError = 'ALREADY_ENTERED_IN_ERROR',
  ReasonRequired = 'REASON_REQUIRED',
  ReportedBeforePerformed = 'REPORTED_BEFORE_PERFORMED',
  UnknownItem = 'UNKNOWN_ITEM',
  ItemNotReportable = 'ITEM_NOT_A_RESULT',
  PatientOfAnotherGroup = 'PATIENT_OF_ANOTHER_GROUP',
  NotFound = 'RESULT_NOT_FOUND',
  Forbidden = 'RESULT_ACCESS_DENIED',
  NoGroup = 'CALLER_WITHOUT_GROUP',
}

function categoryOf(code: ResultsErrorCode): ErrorCategory {
  switch (code) {
    case ResultsErrorCode.ReasonRequired:
    case ResultsErrorCode.ReportedBeforePerformed:
    case ResultsErrorCode.UnknownItem:
    case ResultsErrorCode.ItemNotReportable:
    case ResultsErrorCode.PatientOfAnotherGroup:
      return 'invalid-argument';
    case ResultsErrorCode.NotFound:
      return 'not-found';
    case ResultsErrorCode.Forbidden:
    case ResultsErrorCode.NoGroup:
      return 'permission-denied';
    case ResultsErrorCode.NotSigned:
    case ResultsErrorCode.ReportOfAnotherResult:
    case ResultsErrorCode.AlreadyEnteredInError:
      return 'failed-precondition';
    case ResultsErrorCode.StaleReportVersion:
      return 'conflict';
  }
}

/** Every failure of the results context, by code: the context's one error class. */
export class ResultsError extends AppError {
  constructor(code: ResultsErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
