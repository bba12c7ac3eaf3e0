import { type Identity } from '@medgrid/auth';

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
