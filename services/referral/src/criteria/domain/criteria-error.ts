import { AppError, type ErrorCategory } from '@medgrid/errors';

export enum CriteriaErrorCode {
  InvalidIcd10Code = 'INVALID_ICD10_CODE',
  OverlappingCoverage = 'OVERLAPPING_COVERAGE',
  UnknownIndication = 'UNKNOWN_INDICATION',
  UnknownStabilityCriterion = 'UNKNOWN_STABILITY_CRITERION',
  JustificationRequired = 'JUSTIFICATION_REQUIRED',
  EntryNotFound = 'CRITERIA_NOT_FOUND',
  NotAllowed = 'NOT_ALLOWED',
}

function categoryOf(code: CriteriaErrorCode): ErrorCategory {
  switch (code) {
    case CriteriaErrorCode.InvalidIcd10Code:
    case CriteriaErrorCode.UnknownIndication:
    case CriteriaErrorCode.UnknownStabilityCriterion:
    case CriteriaErrorCode.JustificationRequired:
      return 'invalid-argument';
    case CriteriaErrorCode.OverlappingCoverage:
      return 'already-exists';
    case CriteriaErrorCode.EntryNotFound:
      return 'not-found';
    case CriteriaErrorCode.NotAllowed:
      return 'permission-denied';
  }
}

/** One offending field and why; the error code is its reason. */
export interface CriteriaProblem {
  readonly field: string;
  readonly description: string;
}

/**
 * Every failure of the referral-criteria context, by code. It carries one
 * violation per offending field, so a referral that claims several unknown
 * indications hears about all of them at once.
 */
export class CriteriaError extends AppError {
  constructor(code: CriteriaErrorCode, message: string, problems: readonly CriteriaProblem[] = []) {
    super(
      categoryOf(code),
      code,
      message,
      problems.map((p) => ({ field: p.field, reason: code, description: p.description })),
    );
  }
}
