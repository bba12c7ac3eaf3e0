import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/** Every rule of the orders context that a request can break; the code names the rule. */
export enum OrderErrorCode {
  InvalidResidentId = 'INVALID_RESIDENT_ID',
  InvalidClinicalInfo = 'INVALID_CLINICAL_INFO',
  InvalidData = 'INVALID_ORDER_DATA',
  ExamDataDoesNotFitItem = 'EXAM_DATA_DOES_NOT_FIT_ITEM',
  LookupDoesNotFit = 'LOOKUP_DOES_NOT_FIT_ORDER',
  RepeatNeedsDecision = 'RECOGNISED_RESULT_NOT_DECIDED',
  ReasonRequired = 'REASON_REQUIRED',
  IllegalStep = 'ILLEGAL_STEP',
  NotTheOrderingSite = 'NOT_THE_ORDERING_SITE',
  NotTheCentre = 'NOT_THE_CENTRE',
  SterilisationFailed = 'STERILISATION_INDICATORS_FAILED',
  NotFound = 'ORDER_NOT_FOUND',
  UnknownItem = 'UNKNOWN_ITEM',
  NoCentre = 'NO_CENTRE_SERVES_SITE',
  RegionNotKnown = 'REGION_NOT_KNOWN_YET',
  VersionConflict = 'VERSION_CONFLICT',
  Forbidden = 'FORBIDDEN',
}

function categoryOf(code: OrderErrorCode): ErrorCategory {
  switch (code) {
    case OrderErrorCode.InvalidResidentId:
    case OrderErrorCode.InvalidClinicalInfo:
    case OrderErrorCode.InvalidData:
    case OrderErrorCode.ExamDataDoesNotFitItem:
    case OrderErrorCode.LookupDoesNotFit:
    case OrderErrorCode.ReasonRequired:
    case OrderErrorCode.UnknownItem:
      return 'invalid-argument';
    case OrderErrorCode.NoCentre:
      return 'failed-precondition';
    case OrderErrorCode.RegionNotKnown:
      return 'unavailable';
    case OrderErrorCode.RepeatNeedsDecision:
    case OrderErrorCode.IllegalStep:
    case OrderErrorCode.SterilisationFailed:
      return 'failed-precondition';
    case OrderErrorCode.NotTheOrderingSite:
    case OrderErrorCode.NotTheCentre:
    case OrderErrorCode.Forbidden:
      return 'permission-denied';
    case OrderErrorCode.NotFound:
      return 'not-found';
    case OrderErrorCode.VersionConflict:
      return 'conflict';
  }
}

/** Every failure of the orders context, by code: the context's one error class. */
export class OrderError extends AppError {
  constructor(
    code: OrderErrorCode,
    message: string,
    field?: string,
    violations: readonly FieldViolation[] = field ? [{ field, reason: code, description: message }] : [],
  ) {
    super(categoryOf(code), code, message, violations);
  }

  /** Exam data or a batch with several bad fields, each named. */
  static invalidData(violations: readonly FieldViolation[]): OrderError {
    return new OrderError(
      OrderErrorCode.InvalidData,
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      violations,
    );
  }
}
