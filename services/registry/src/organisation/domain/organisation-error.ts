import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the organisation context that a request can break; the code names the rule. */
export enum OrganisationErrorCode {
  NotFound = 'NOT_FOUND',
  DuplicateCreditCode = 'DUPLICATE_CREDIT_CODE',
  DuplicateDivisionCode = 'DUPLICATE_DIVISION_CODE',
  DuplicateGridCode = 'DUPLICATE_GRID_CODE',
  UnknownGrid = 'UNKNOWN_GRID',
  UnknownCity = 'UNKNOWN_CITY',
  UnknownInstitution = 'UNKNOWN_INSTITUTION',
  LevelDoesNotFitType = 'LEVEL_DOES_NOT_FIT_TYPE',
  GridAlreadyHasGroup = 'GRID_ALREADY_HAS_GROUP',
  SecondLeadHospital = 'SECOND_LEAD_HOSPITAL',
  LeadMustBeTertiaryGeneral = 'LEAD_MUST_BE_TERTIARY_GENERAL_HOSPITAL',
  AlreadyInAnotherGroup = 'ALREADY_MEMBER_OF_ANOTHER_GROUP',
  AlreadyInThisGroup = 'ALREADY_IN_THIS_GROUP',
  CollaboratorMustBeHospital = 'COLLABORATOR_MUST_BE_SECONDARY_OR_TERTIARY',
  NotAMember = 'NOT_A_MEMBER',
  GroupNeedsSecondaryOrContinuingCare = 'GROUP_NEEDS_SECONDARY_OR_CONTINUING_CARE_MEMBER',
  LeadStaysWhileMembersRemain = 'LEAD_CANNOT_LEAVE_WHILE_MEMBERS_REMAIN',
  DuplicateDepartment = 'DUPLICATE_DEPARTMENT',
  VersionConflict = 'VERSION_CONFLICT',
  NotAllowed = 'NOT_ALLOWED',
}

function categoryOf(code: OrganisationErrorCode): ErrorCategory {
  switch (code) {
    case OrganisationErrorCode.NotFound:
      return 'not-found';
    case OrganisationErrorCode.DuplicateCreditCode:
    case OrganisationErrorCode.DuplicateDivisionCode:
    case OrganisationErrorCode.DuplicateGridCode:
    case OrganisationErrorCode.GridAlreadyHasGroup:
    case OrganisationErrorCode.DuplicateDepartment:
      return 'already-exists';
    case OrganisationErrorCode.UnknownGrid:
    case OrganisationErrorCode.UnknownCity:
    case OrganisationErrorCode.UnknownInstitution:
    case OrganisationErrorCode.LevelDoesNotFitType:
      return 'invalid-argument';
    case OrganisationErrorCode.SecondLeadHospital:
    case OrganisationErrorCode.LeadMustBeTertiaryGeneral:
    case OrganisationErrorCode.AlreadyInAnotherGroup:
    case OrganisationErrorCode.AlreadyInThisGroup:
    case OrganisationErrorCode.CollaboratorMustBeHospital:
    case OrganisationErrorCode.NotAMember:
    case OrganisationErrorCode.GroupNeedsSecondaryOrContinuingCare:
    case OrganisationErrorCode.LeadStaysWhileMembersRemain:
      return 'failed-precondition';
    case OrganisationErrorCode.VersionConflict:
      return 'conflict';
    case OrganisationErrorCode.NotAllowed:
      return 'permission-denied';
  }
}

/** Every failure of the organisation context, by code: the context's one error class. */
export class OrganisationError extends AppError {
  constructor(code: OrganisationErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
