import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/**
 * The rules every payment context checks the same way: money, shares and effective dates, who may do what, and what
 * the registry must know of an institution.
 */
export enum CommonErrorCode {
  FractionOfAFen = 'FRACTION_OF_A_FEN',
  AmountTooLarge = 'AMOUNT_TOO_LARGE',
  NegativeAmount = 'NEGATIVE_AMOUNT',
  ShareOutOfRange = 'SHARE_OUT_OF_RANGE',
  SharesExceedWhole = 'SHARES_EXCEED_WHOLE',
  InvalidDate = 'INVALID_DATE',
  EmptyPeriod = 'EMPTY_PERIOD',
  OverlappingEffectiveDates = 'OVERLAPPING_EFFECTIVE_DATES',
  NothingToAllocate = 'NOTHING_TO_ALLOCATE',
  Forbidden = 'PAYMENT_ACCESS_DENIED',
  UnknownRegion = 'UNKNOWN_REGION',
  InstitutionNotKnown = 'INSTITUTION_NOT_KNOWN',
  NoRegion = 'INSTITUTION_WITHOUT_REGION',
}

function categoryOf(code: CommonErrorCode): ErrorCategory {
  switch (code) {
    case CommonErrorCode.FractionOfAFen:
    case CommonErrorCode.AmountTooLarge:
    case CommonErrorCode.NegativeAmount:
    case CommonErrorCode.ShareOutOfRange:
    case CommonErrorCode.SharesExceedWhole:
    case CommonErrorCode.InvalidDate:
    case CommonErrorCode.EmptyPeriod:
    case CommonErrorCode.OverlappingEffectiveDates:
    case CommonErrorCode.NothingToAllocate:
    case CommonErrorCode.UnknownRegion:
      return 'invalid-argument';
    case CommonErrorCode.Forbidden:
      return 'permission-denied';
    case CommonErrorCode.InstitutionNotKnown:
    case CommonErrorCode.NoRegion:
      return 'failed-precondition';
  }
}

/** Every failure of the payment service's kernel, by code. */
export class CommonError extends AppError {
  constructor(
    code: CommonErrorCode,
    message: string,
    field?: string,
    violations: readonly FieldViolation[] = field ? [{ field, reason: code, description: message }] : [],
  ) {
    super(categoryOf(code), code, message, violations);
  }
}
