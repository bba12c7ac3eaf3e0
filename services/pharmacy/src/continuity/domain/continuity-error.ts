import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the continuity context that a request or an event can break; the code names the rule. */
export enum ContinuityErrorCode {
  NoMedications = 'NO_MEDICATIONS_TO_ASSESS',
  /** The registry has not announced the receiving institution's level yet: the event is retried. */
  ReceivingInstitutionNotKnown = 'RECEIVING_INSTITUTION_NOT_KNOWN',
  NotFound = 'CONTINUITY_ASSESSMENT_NOT_FOUND',
}

function categoryOf(code: ContinuityErrorCode): ErrorCategory {
  switch (code) {
    case ContinuityErrorCode.NoMedications:
      return 'invalid-argument';
    case ContinuityErrorCode.ReceivingInstitutionNotKnown:
      return 'unavailable';
    case ContinuityErrorCode.NotFound:
      return 'not-found';
  }
}

/** Every failure of the continuity context, by code: the context's one error class. */
export class ContinuityError extends AppError {
  constructor(code: ContinuityErrorCode, message: string, field: string) {
    super(categoryOf(code), code, message, [{ field, reason: code, description: message }]);
  }
}
