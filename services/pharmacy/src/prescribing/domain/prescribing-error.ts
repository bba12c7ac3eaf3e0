import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the prescribing context that a request can break; the code names the rule. */
export enum PrescribingErrorCode {
  InvalidDays = 'INVALID_DAYS_OF_SUPPLY',
  DaysOverMaximum = 'DAYS_OF_SUPPLY_OVER_MAXIMUM',
  LongPrescriptionNotAllowed = 'LONG_PRESCRIPTION_NOT_ALLOWED',
  InvalidSupplyRules = 'INVALID_SUPPLY_RULES',
  InvalidDiseaseList = 'INVALID_CHRONIC_DISEASE_LIST',
  Forbidden = 'PRESCRIBING_ACCESS_DENIED',
  InstitutionNotKnown = 'INSTITUTION_LEVEL_NOT_KNOWN',
  InvalidPeriod = 'INVALID_PERIOD',
}

function categoryOf(code: PrescribingErrorCode): ErrorCategory {
  switch (code) {
    case PrescribingErrorCode.InvalidDays:
    case PrescribingErrorCode.DaysOverMaximum:
    case PrescribingErrorCode.LongPrescriptionNotAllowed:
    case PrescribingErrorCode.InvalidSupplyRules:
    case PrescribingErrorCode.InvalidDiseaseList:
    case PrescribingErrorCode.InvalidPeriod:
      return 'invalid-argument';
    case PrescribingErrorCode.Forbidden:
      return 'permission-denied';
    case PrescribingErrorCode.InstitutionNotKnown:
      return 'failed-precondition';
  }
}

/** Every failure of the prescribing context, by code: the context's one error class. */
export class PrescribingError extends AppError {
  constructor(code: PrescribingErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
