import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/** Every rule of the recognition context that a request can break; the code names the rule. */
export enum RecognitionErrorCode {
  InvalidItem = 'INVALID_CATALOGUE_ITEM',
  DuplicateItem = 'DUPLICATE_CATALOGUE_ITEM',
  UnknownItem = 'UNKNOWN_ITEM',
  StaleCatalogueVersion = 'STALE_CATALOGUE_VERSION',
  AlreadyDecided = 'LOOKUP_ALREADY_DECIDED',
  NothingToDecide = 'NOTHING_OFFERED_TO_DECIDE',
  ResultNotOffered = 'RESULT_NOT_OFFERED',
  ResultExpired = 'RESULT_NO_LONGER_VALID',
  ReasonRequired = 'REASON_REQUIRED',
  NotTheOrderingSite = 'NOT_THE_ORDERING_SITE',
  LookupNotFound = 'LOOKUP_NOT_FOUND',
  UnknownRegion = 'UNKNOWN_REGION',
  NoRegion = 'INSTITUTION_WITHOUT_REGION',
  Forbidden = 'RECOGNITION_ACCESS_DENIED',
}

function categoryOf(code: RecognitionErrorCode): ErrorCategory {
  switch (code) {
    case RecognitionErrorCode.InvalidItem:
    case RecognitionErrorCode.UnknownItem:
    case RecognitionErrorCode.ResultNotOffered:
    case RecognitionErrorCode.ReasonRequired:
    case RecognitionErrorCode.UnknownRegion:
    case RecognitionErrorCode.ResultExpired:
      return 'invalid-argument';
    case RecognitionErrorCode.LookupNotFound:
      return 'not-found';
    case RecognitionErrorCode.NoRegion:
      return 'failed-precondition';
    case RecognitionErrorCode.DuplicateItem:
      return 'already-exists';
    case RecognitionErrorCode.StaleCatalogueVersion:
      return 'conflict';
    case RecognitionErrorCode.AlreadyDecided:
    case RecognitionErrorCode.NothingToDecide:
      return 'failed-precondition';
    case RecognitionErrorCode.NotTheOrderingSite:
    case RecognitionErrorCode.Forbidden:
      return 'permission-denied';
  }
}

/** Every failure of the recognition context, by code: the context's one error class. */
export class RecognitionError extends AppError {
  constructor(
    code: RecognitionErrorCode,
    message: string,
    field?: string,
    violations: readonly FieldViolation[] = field ? [{ field, reason: code, description: message }] : [],
  ) {
    super(categoryOf(code), code, message, violations);
  }

  /** Several fields broken at once: a catalogue load reports every bad item together. */
  static invalid(violations: readonly FieldViolation[]): RecognitionError {
    return new RecognitionError(
      RecognitionErrorCode.InvalidItem,
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      violations,
    );
  }
}
