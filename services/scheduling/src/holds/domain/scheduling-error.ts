import { AppError, type ErrorCategory } from '@medgrid/errors';

export enum SchedulingErrorCode {
  HoldRequestNotFound = 'HOLD_REQUEST_NOT_FOUND',
}

function categoryOf(code: SchedulingErrorCode): ErrorCategory {
  switch (code) {
    case SchedulingErrorCode.HoldRequestNotFound:
      return 'not-found';
  }
}

/** Every failure of the scheduling context (style rule 7). */
export class SchedulingError extends AppError {
  constructor(code: SchedulingErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
