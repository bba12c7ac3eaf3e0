import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/** Every rule of the claims context that a request can break; the code names the rule. */
export enum ClaimErrorCode {
  InvalidClaim = 'INVALID_CLAIM',
  AmountMismatch = 'AMOUNT_MISMATCH',
  NegativeQuantity = 'NEGATIVE_QUANTITY',
  InvalidDiagnosis = 'INVALID_DIAGNOSIS',
  ClaimNumberReused = 'CLAIM_NUMBER_REUSED',
  NothingCorrected = 'NOTHING_CORRECTED',
  ReasonRequired = 'REASON_REQUIRED',
  StaleClaimVersion = 'STALE_CLAIM_VERSION',
  PeriodAlreadySettled = 'PERIOD_ALREADY_SETTLED',
  NotTheSameClaim = 'NOT_THE_SAME_CLAIM',
  ClaimNotFound = 'CLAIM_NOT_FOUND',
  InvalidPeriod = 'INVALID_PERIOD',
}

function categoryOf(code: ClaimErrorCode): ErrorCategory {
  switch (code) {
    case ClaimErrorCode.InvalidClaim:
    case ClaimErrorCode.AmountMismatch:
    case ClaimErrorCode.NegativeQuantity:
    case ClaimErrorCode.InvalidDiagnosis:
    case ClaimErrorCode.ReasonRequired:
    case ClaimErrorCode.NotTheSameClaim:
    case ClaimErrorCode.ClaimNumberReused:
    case ClaimErrorCode.InvalidPeriod:
      // Other content under a number already used is a bad request (a change is a correction), not a conflict.
      return 'invalid-argument';
    case ClaimErrorCode.StaleClaimVersion:
      return 'conflict';
    case ClaimErrorCode.ClaimNotFound:
      return 'not-found';
    case ClaimErrorCode.NothingCorrected:
    case ClaimErrorCode.PeriodAlreadySettled:
      return 'failed-precondition';
  }
}

/** Every failure of the claims context, by code: the context's one error class. */
export class ClaimError extends AppError {
  constructor(
    code: ClaimErrorCode,
    message: string,
    field?: string,
    violations: readonly FieldViolation[] = field ? [{ field, reason: code, description: message }] : [],
  ) {
    super(categoryOf(code), code, message, violations);
  }

  /** Every bad field of a claim at once. */
  static invalid(violations: readonly FieldViolation[]): ClaimError {
    return new ClaimError(
      ClaimErrorCode.InvalidClaim,
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      violations,
    );
  }
}
