import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the workforce context that a request can break; the code names the rule. */
export enum WorkforceErrorCode {
  NotFound = 'NOT_FOUND',
  UnknownInstitution = 'UNKNOWN_INSTITUTION',
  UnknownPractitioner = 'UNKNOWN_PRACTITIONER',
  DuplicateLicenceNumber = 'DUPLICATE_LICENCE_NUMBER',
  DuplicateTeamName = 'DUPLICATE_TEAM_NAME',
  TeamMustBeAtPrimaryInstitution = 'TEAM_MUST_BE_AT_PRIMARY_INSTITUTION',
  InstitutionNotInGroup = 'INSTITUTION_NOT_IN_A_GROUP',
  AlreadyATeamMember = 'ALREADY_A_TEAM_MEMBER',
  NotATeamMember = 'NOT_A_TEAM_MEMBER',
  MemberDoesNotFitRole = 'MEMBER_DOES_NOT_FIT_ROLE',
  TeamNeedsGeneralPractitioner = 'TEAM_NEEDS_GENERAL_PRACTITIONER',
  VersionConflict = 'VERSION_CONFLICT',
  NotAllowed = 'NOT_ALLOWED',
}

function categoryOf(code: WorkforceErrorCode): ErrorCategory {
  switch (code) {
    case WorkforceErrorCode.NotFound:
      return 'not-found';
    case WorkforceErrorCode.DuplicateLicenceNumber:
    case WorkforceErrorCode.DuplicateTeamName:
      return 'already-exists';
    case WorkforceErrorCode.UnknownInstitution:
    case WorkforceErrorCode.UnknownPractitioner:
      return 'invalid-argument';
    case WorkforceErrorCode.TeamMustBeAtPrimaryInstitution:
    case WorkforceErrorCode.InstitutionNotInGroup:
    case WorkforceErrorCode.AlreadyATeamMember:
    case WorkforceErrorCode.NotATeamMember:
    case WorkforceErrorCode.MemberDoesNotFitRole:
    case WorkforceErrorCode.TeamNeedsGeneralPractitioner:
      return 'failed-precondition';
    case WorkforceErrorCode.VersionConflict:
      return 'conflict';
    case WorkforceErrorCode.NotAllowed:
      return 'permission-denied';
  }
}

/** Every failure of the workforce context, by code: the context's one error class. */
export class WorkforceError extends AppError {
  constructor(code: WorkforceErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
