import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the capacity context (reserve policies, city floors) that a request can break; the code names the rule. */
export enum CapacityErrorCode {
  /** No city with this id is known from the registry's events. */
  UnknownCity = 'UNKNOWN_CITY',
  RatioBelowFloor = 'RATIO_BELOW_FLOOR',
  OverrideNotAllowed = 'OVERRIDE_NOT_ALLOWED',
}

function categoryOf(code: CapacityErrorCode): ErrorCategory {
  switch (code) {
    case CapacityErrorCode.UnknownCity:
    case CapacityErrorCode.RatioBelowFloor:
      return 'invalid-argument';
    case CapacityErrorCode.OverrideNotAllowed:
      return 'permission-denied';
  }
}

/** Every failure of the capacity context, by code: the context's one error class. */
export class CapacityError extends AppError {
  constructor(code: CapacityErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
