import { type Identity } from '@medgrid/auth';
import { ResidentError, ResidentErrorCode } from '../domain/resident-error';

/**
 * Residents are personal data. The city's operators see everyone; a group's
 * administrators and the staff and systems of its institutions see the
 * residents their group serves: those living in its grid or contracted with
 * one of its teams.
 */
export function canAccessResident(identity: Identity, servingGroupIds: readonly (string | null)[]): boolean {
  if (identity.role === 'city-operator') return true;
  return identity.groupId !== null && servingGroupIds.includes(identity.groupId);
}

/**
 * Enrol residents of a grid in bulk (imports): the city's operators anywhere, a group's
 * administrators in the grid their group serves.
 */
export function canEnrolResidents(identity: Identity, servingGroupId: string | null): boolean {
  if (identity.role === 'city-operator') return true;
  return identity.role === 'group-admin' && identity.groupId === servingGroupId;
}

/** Throws NOT_ALLOWED (PERMISSION_DENIED) naming the action when a policy says no. */
export function requireAllowed(allowed: boolean, action: string): void {
  if (!allowed) throw new ResidentError(ResidentErrorCode.NotAllowed, `your role may not ${action}`);
}
