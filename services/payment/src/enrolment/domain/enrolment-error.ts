import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/** Every rule of the enrolment context that a request can break; the code names the rule. */
export enum EnrolmentErrorCode {
  InvalidCoverage = 'INVALID_COVERAGE',
  InvalidResidentId = 'INVALID_RESIDENT_ID',
  UnknownScheme = 'UNKNOWN_SCHEME',
  CoverageOutOfOrder = 'COVERAGE_OUT_OF_ORDER',
  NotCovered = 'NOT_COVERED',
}

function categoryOf(code: EnrolmentErrorCode): ErrorCategory {
  switch (code) {
    case EnrolmentErrorCode.InvalidCoverage:
    case EnrolmentErrorCode.InvalidResidentId:
    case EnrolmentErrorCode.UnknownScheme:
      return 'invalid-argument';
    case EnrolmentErrorCode.CoverageOutOfOrder:
    case EnrolmentErrorCode.NotCovered:
      return 'failed-precondition';
  }
}

/** Every failure of the enrolment context, by code: the context's one error class. */
export class EnrolmentError extends AppError {
  constructor(
    code: EnrolmentErrorCode,
    message: string,
    field?: string,
    violations: readonly FieldViolation[] = field ? [{ field, reason: code, description: message }] : [],
  ) {
    super(categoryOf(code), code, message, violations);
  }

  static invalid(violations: readonly FieldViolation[]): EnrolmentError {
    return new EnrolmentError(
      EnrolmentErrorCode.InvalidCoverage,
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      violations,
    );
  }
}
