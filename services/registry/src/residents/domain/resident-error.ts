import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the residents context that a request can break; the code names the rule. */
export enum ResidentErrorCode {
  NotFound = 'NOT_FOUND',
  UnknownGrid = 'UNKNOWN_GRID',
  UnknownTeam = 'UNKNOWN_TEAM',
  DuplicateResident = 'DUPLICATE_RESIDENT_ID_NUMBER',
  TagDoesNotFit = 'POPULATION_TAG_DOES_NOT_FIT',
  AlreadyContracted = 'RESIDENT_ALREADY_HAS_ACTIVE_CONTRACT',
  ContractNotActive = 'CONTRACT_NOT_ACTIVE',
  /** Renewal opens in the last days of a term (RENEWAL_WINDOW_DAYS). */
  ContractNotYetRenewable = 'CONTRACT_NOT_YET_RENEWABLE',
  TeamOutsideResidentGrid = 'TEAM_DOES_NOT_SERVE_RESIDENT_GRID',
  VersionConflict = 'VERSION_CONFLICT',
  NotAllowed = 'NOT_ALLOWED',
}

function categoryOf(code: ResidentErrorCode): ErrorCategory {
  switch (code) {
    case ResidentErrorCode.NotFound:
      return 'not-found';
    case ResidentErrorCode.DuplicateResident:
    case ResidentErrorCode.AlreadyContracted:
      return 'already-exists';
    case ResidentErrorCode.UnknownGrid:
    case ResidentErrorCode.UnknownTeam:
    case ResidentErrorCode.TagDoesNotFit:
      return 'invalid-argument';
    case ResidentErrorCode.ContractNotActive:
    case ResidentErrorCode.ContractNotYetRenewable:
    case ResidentErrorCode.TeamOutsideResidentGrid:
      return 'failed-precondition';
    case ResidentErrorCode.VersionConflict:
      return 'conflict';
    case ResidentErrorCode.NotAllowed:
      return 'permission-denied';
  }
}

/** Every failure of the residents context, by code: the context's one error class. */
export class ResidentError extends AppError {
  constructor(code: ResidentErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
