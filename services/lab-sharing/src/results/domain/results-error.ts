import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the results context that a request can break; the code names the rule. */
export enum ResultsErrorCode {
  NotSigned = 'REPORT_NOT_SIGNED',
  ReportOfAnotherResult = 'REPORT_OF_ANOTHER_RESULT',
  StaleReportVersion = 'STALE_REPORT_VERSION',
  AlreadyEnteredInError = 'ALREADY_ENTERED_IN_ERROR',
  ReasonRequired = 'REASON_REQUIRED',
}

function categoryOf(code: ResultsErrorCode): ErrorCategory {
  switch (code) {
    case ResultsErrorCode.ReasonRequired:
      return 'invalid-argument';
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
