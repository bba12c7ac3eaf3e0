import { apiGet, apiSend } from './http-client';
import {
  type GroupAnswer,
  type GroupCreation,
  type InstitutionAnswer,
  type InstitutionPage,
  type InstitutionRegistration,
  type InstitutionUpdate,
  type MembershipAddition,
  type PractitionerPage,
  type TeamAnswer,
  type TeamCreation,
  type TeamMemberAddition,
  type FamilyDoctorTeam,
} from './registry-admin-types';

/**
 * The gateway's registry administration (/api/registry/…), one function per endpoint. Every write
 * carries its clientRequestId, made once per submission by the caller, so a retry of the same
 * submission is answered as the first was.
 */

const path = (...parts: string[]) => `/api/registry/${parts.map(encodeURIComponent).join('/')}`;

export interface InstitutionSearch {
  nameContains?: string;
  gridId?: string;
  groupId?: string;
  pageToken?: string;
}

/** Institutions of the user's scope by name (a group-bound user's group only), a page of 50. */
export const searchRegistryInstitutions = (search: InstitutionSearch) =>
  apiGet<InstitutionPage>('/api/registry/institutions', { ...search, pageSize: 50 });

export const getInstitution = (id: string) => apiGet<InstitutionAnswer>(path('institutions', id));

export const registerInstitution = (registration: InstitutionRegistration) =>
  apiSend<InstitutionAnswer>('POST', path('institutions'), registration);

export const updateInstitution = (id: string, update: InstitutionUpdate) =>
  apiSend<InstitutionAnswer>('PATCH', path('institutions', id), update);

export const getMedicalGroup = (id: string) => apiGet<GroupAnswer>(path('groups', id));

export const createMedicalGroup = (creation: GroupCreation) =>
  apiSend<GroupAnswer>('POST', path('groups'), creation);

export const addMembership = (groupId: string, addition: MembershipAddition) =>
  apiSend<GroupAnswer>('POST', path('groups', groupId, 'members'), addition);

export const removeMembership = (groupId: string, institutionId: string, clientRequestId: string) =>
  apiSend<GroupAnswer>('DELETE', path('groups', groupId, 'members', institutionId), { clientRequestId });

/** The practitioners whose home is the institution, by name (a primary institution has tens, not hundreds). */
export const practitionersAt = (institutionId: string) =>
  apiGet<PractitionerPage>(path('practitioners'), { institutionId, pageSize: 500 });

export const listTeams = (institutionId: string) =>
  apiGet<{ teams?: FamilyDoctorTeam[] }>(path('teams'), { institutionId });

export const getTeam = (id: string) => apiGet<TeamAnswer>(path('teams', id));

export const createTeam = (creation: TeamCreation) => apiSend<TeamAnswer>('POST', path('teams'), creation);

export const addTeamMember = (teamId: string, addition: TeamMemberAddition) =>
  apiSend<TeamAnswer>('POST', path('teams', teamId, 'members'), addition);

export const removeTeamMember = (teamId: string, practitionerId: string, clientRequestId: string) =>
  apiSend<TeamAnswer>('DELETE', path('teams', teamId, 'members', practitionerId), { clientRequestId });
