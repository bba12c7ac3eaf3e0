import { type Institution, type InstitutionLevel, type MedicalGroup } from './portal-types';

/**
 * The registry's administration as the gateway answers it (proto3 JSON, as portal-types.ts says):
 * institutions with their credit code and version, groups, practitioners and family-doctor teams.
 */

/** The kinds of institution (registry InstitutionType), each allowed at some levels only. */
export const INSTITUTION_TYPES = [
  'INSTITUTION_TYPE_GENERAL_HOSPITAL',
  'INSTITUTION_TYPE_SPECIALIST_HOSPITAL',
  'INSTITUTION_TYPE_TCM_HOSPITAL',
  'INSTITUTION_TYPE_REHABILITATION_HOSPITAL',
  'INSTITUTION_TYPE_NURSING_HOME',
  'INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE',
  'INSTITUTION_TYPE_COMMUNITY_HEALTH_STATION',
  'INSTITUTION_TYPE_TOWNSHIP_HEALTH_CENTRE',
  'INSTITUTION_TYPE_VILLAGE_CLINIC',
  'INSTITUTION_TYPE_SHARED_CENTRE',
] as const;

export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** The levels an institution is registered at (UNSPECIFIED is refused). */
export const INSTITUTION_LEVELS = [
  'INSTITUTION_LEVEL_TERTIARY',
  'INSTITUTION_LEVEL_SECONDARY',
  'INSTITUTION_LEVEL_PRIMARY',
] as const satisfies readonly InstitutionLevel[];

export type RegisteredLevel = (typeof INSTITUTION_LEVELS)[number];

export const MEMBERSHIP_ROLES = [
  'MEMBERSHIP_ROLE_LEAD',
  'MEMBERSHIP_ROLE_MEMBER',
  'MEMBERSHIP_ROLE_COLLABORATING',
] as const;

export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const TEAM_MEMBER_ROLES = [
  'TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER',
  'TEAM_MEMBER_ROLE_SPECIALIST',
  'TEAM_MEMBER_ROLE_HEALTH_MANAGER',
] as const;

export type TeamMemberRole = (typeof TEAM_MEMBER_ROLES)[number];

/** An institution as GetInstitution, RegisterInstitution and UpdateInstitution answer it. */
export interface RegistryInstitution extends Institution {
  creditCode?: string;
  type?: InstitutionType;
  /** The version an update must name (expectedVersion). */
  version?: number;
}

export interface InstitutionAnswer {
  institution: RegistryInstitution;
}

export interface InstitutionPage {
  institutions?: RegistryInstitution[];
  nextPageToken?: string;
}

export interface GroupAnswer {
  group: MedicalGroup & { version?: number };
}

export interface Practitioner {
  id: string;
  licenceNumber?: string;
  name: string;
  title?: string;
  specialtyCode?: string;
  homeInstitutionId?: string;
  version?: number;
}

export interface PractitionerPage {
  practitioners?: Practitioner[];
  nextPageToken?: string;
}

export interface TeamMember {
  practitionerId: string;
  role?: TeamMemberRole;
}

export interface FamilyDoctorTeam {
  id: string;
  institutionId: string;
  groupId?: string;
  name: string;
  members?: TeamMember[];
  version?: number;
}

export interface TeamAnswer {
  team: FamilyDoctorTeam;
}

/** RegisterInstitution's body; an enum left out is one the form has not chosen (the registry requires it). */
export interface InstitutionRegistration {
  clientRequestId: string;
  creditCode: string;
  name: string;
  level?: RegisteredLevel;
  type?: InstitutionType;
  gridId: string;
  address: string;
}

/** UpdateInstitution's body (the id is the path's). */
export interface InstitutionUpdate {
  clientRequestId: string;
  expectedVersion: number;
  name: string;
  level?: RegisteredLevel;
  type?: InstitutionType;
  address: string;
}

/** CreateMedicalGroup's body. */
export interface GroupCreation {
  clientRequestId: string;
  gridId: string;
  name: string;
}

/** AddMembership's body (the group is the path's). */
export interface MembershipAddition {
  clientRequestId: string;
  institutionId: string;
  role?: MembershipRole;
}

/** CreateTeam's body. */
export interface TeamCreation {
  clientRequestId: string;
  institutionId: string;
  name: string;
  members: { practitionerId: string; role?: TeamMemberRole }[];
}

/** AddTeamMember's body (the team is the path's). */
export interface TeamMemberAddition {
  clientRequestId: string;
  member: { practitionerId: string; role?: TeamMemberRole };
}
