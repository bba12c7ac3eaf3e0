import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the registry that a request can break; the code names the rule. */
export enum RegistryErrorCode {
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
  DuplicateLicenceNumber = 'DUPLICATE_LICENCE_NUMBER',
  TeamMustBeAtPrimaryInstitution = 'TEAM_MUST_BE_AT_PRIMARY_INSTITUTION',
  InstitutionNotInGroup = 'INSTITUTION_NOT_IN_A_GROUP',
  AlreadyATeamMember = 'ALREADY_A_TEAM_MEMBER',
  NotATeamMember = 'NOT_A_TEAM_MEMBER',
  MemberDoesNotFitRole = 'MEMBER_DOES_NOT_FIT_ROLE',
  TeamNeedsGeneralPractitioner = 'TEAM_NEEDS_GENERAL_PRACTITIONER',
  UnknownPractitioner = 'UNKNOWN_PRACTITIONER',
  DuplicateTeamName = 'DUPLICATE_TEAM_NAME',
  DuplicateResident = 'DUPLICATE_RESIDENT_ID_NUMBER',
  TagDoesNotFit = 'POPULATION_TAG_DOES_NOT_FIT',
  ContractNotActive = 'CONTRACT_NOT_ACTIVE',
  /** Renewal opens in the last days of a term (RENEWAL_WINDOW_DAYS). */
  ContractNotYetRenewable = 'CONTRACT_NOT_YET_RENEWABLE',
  AlreadyContracted = 'RESIDENT_ALREADY_HAS_ACTIVE_CONTRACT',
  TeamOutsideResidentGrid = 'TEAM_DOES_NOT_SERVE_RESIDENT_GRID',
  UnknownTeam = 'UNKNOWN_TEAM',
}

function categoryOf(code: RegistryErrorCode): ErrorCategory {
  switch (code) {
    case RegistryErrorCode.NotFound:
      return 'not-found';
    case RegistryErrorCode.DuplicateCreditCode:
    case RegistryErrorCode.DuplicateDivisionCode:
    case RegistryErrorCode.DuplicateGridCode:
    case RegistryErrorCode.GridAlreadyHasGroup:
    case RegistryErrorCode.DuplicateDepartment:
    case RegistryErrorCode.DuplicateLicenceNumber:
    case RegistryErrorCode.DuplicateTeamName:
    case RegistryErrorCode.DuplicateResident:
    case RegistryErrorCode.AlreadyContracted:
      return 'already-exists';
    case RegistryErrorCode.UnknownGrid:
    case RegistryErrorCode.UnknownCity:
    case RegistryErrorCode.UnknownInstitution:
    case RegistryErrorCode.LevelDoesNotFitType:
    case RegistryErrorCode.UnknownPractitioner:
    case RegistryErrorCode.UnknownTeam:
    case RegistryErrorCode.TagDoesNotFit:
      return 'invalid-argument';
    case RegistryErrorCode.SecondLeadHospital:
    case RegistryErrorCode.LeadMustBeTertiaryGeneral:
    case RegistryErrorCode.AlreadyInAnotherGroup:
    case RegistryErrorCode.AlreadyInThisGroup:
    case RegistryErrorCode.CollaboratorMustBeHospital:
    case RegistryErrorCode.NotAMember:
    case RegistryErrorCode.GroupNeedsSecondaryOrContinuingCare:
    case RegistryErrorCode.LeadStaysWhileMembersRemain:
    case RegistryErrorCode.TeamMustBeAtPrimaryInstitution:
    case RegistryErrorCode.InstitutionNotInGroup:
    case RegistryErrorCode.AlreadyATeamMember:
    case RegistryErrorCode.NotATeamMember:
    case RegistryErrorCode.MemberDoesNotFitRole:
    case RegistryErrorCode.TeamNeedsGeneralPractitioner:
    case RegistryErrorCode.ContractNotActive:
    case RegistryErrorCode.ContractNotYetRenewable:
    case RegistryErrorCode.TeamOutsideResidentGrid:
      return 'failed-precondition';
    case RegistryErrorCode.VersionConflict:
      return 'conflict';
    case RegistryErrorCode.NotAllowed:
      return 'permission-denied';
  }
}

export class RegistryError extends AppError {
  constructor(code: RegistryErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
