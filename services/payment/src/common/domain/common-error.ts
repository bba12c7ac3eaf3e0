import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/** The rules every payment context checks the same way: money, shares and effective dates. */
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
      return 'invalid-argument';
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
