import { AppError, type ErrorCategory } from '@medgrid/errors';

/**
 * The rules scheduling's shared kernel checks for every context: who may act
 * (the access policy) and which institution or department the registry
 * announced. Each context's own rules have their context's error class.
 */
export enum SchedulingErrorCode {
  UnknownInstitution = 'UNKNOWN_INSTITUTION',
  UnknownDepartment = 'UNKNOWN_DEPARTMENT',
  NotAHospital = 'NOT_A_HOSPITAL',
  Forbidden = 'FORBIDDEN',
}

function categoryOf(code: SchedulingErrorCode): ErrorCategory {
  switch (code) {
    case SchedulingErrorCode.UnknownInstitution:
    case SchedulingErrorCode.UnknownDepartment:
    case SchedulingErrorCode.NotAHospital:
      return 'invalid-argument';
    case SchedulingErrorCode.Forbidden:
      return 'permission-denied';
  }
}

/** A failure of the shared kernel's rules, by code (scheduling's contexts each have their own error class). */
export class SchedulingError extends AppError {
  constructor(code: SchedulingErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
