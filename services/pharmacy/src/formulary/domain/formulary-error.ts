import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the formulary context that a request can break; the code names the rule. */
export enum FormularyErrorCode {
  NotAllowedAtLevel = 'DRUG_NOT_ALLOWED_AT_LEVEL',
  NotStocked = 'DRUG_NOT_STOCKED',
  AlreadyStocked = 'DRUG_ALREADY_STOCKED',
  InvalidQuantity = 'INVALID_QUANTITY',
  InsufficientStock = 'INSUFFICIENT_STOCK',
  Forbidden = 'FORMULARY_ACCESS_DENIED',
  InstitutionNotKnown = 'INSTITUTION_LEVEL_NOT_KNOWN',
}

function categoryOf(code: FormularyErrorCode): ErrorCategory {
  switch (code) {
    case FormularyErrorCode.NotAllowedAtLevel:
    case FormularyErrorCode.NotStocked:
    case FormularyErrorCode.InvalidQuantity:
      return 'invalid-argument';
    case FormularyErrorCode.AlreadyStocked:
      return 'already-exists';
    case FormularyErrorCode.InsufficientStock:
    case FormularyErrorCode.InstitutionNotKnown:
      return 'failed-precondition';
    case FormularyErrorCode.Forbidden:
      return 'permission-denied';
  }
}

/** Every failure of the formulary context, by code: the context's one error class. */
export class FormularyError extends AppError {
  constructor(code: FormularyErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
