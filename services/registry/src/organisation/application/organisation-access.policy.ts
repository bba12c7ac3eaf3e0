import { type Identity } from '@medgrid/auth';
import { OrganisationError, OrganisationErrorCode } from '../domain/organisation-error';

/**
 * Who may change the map of the city's care. The city's operators run it;
 * a group's administrators manage their own group and its institutions;
 * an institution's own staff and systems register its departments. Reading
 * master data (no personal data) is open to every authenticated caller.
 */
export const OrganisationAccess = {
  manageCityMap(identity: Identity): boolean {
    return identity.role === 'city-operator';
  },

  manageGroup(identity: Identity, groupId: string): boolean {
    return (
      identity.role === 'city-operator' || (identity.role === 'group-admin' && identity.groupId === groupId)
    );
  },

  manageInstitution(identity: Identity, institution: { id: string; groupId: string | null }): boolean {
    switch (identity.role) {
      case 'city-operator':
        return true;
      case 'group-admin':
        return institution.groupId !== null && identity.groupId === institution.groupId;
      case 'primary-staff':
      case 'hospital-staff':
      case 'partner-system':
        return false;
    }
  },

  /**
   * Act at an institution: register its departments, practitioners and
   * teams. Its own staff and HIS may, as may its group's administrators.
   */
  actForInstitution(identity: Identity, institution: { id: string; groupId: string | null }): boolean {
    switch (identity.role) {
      case 'city-operator':
        return true;
      case 'group-admin':
        return institution.groupId !== null && identity.groupId === institution.groupId;
      case 'primary-staff':
      case 'hospital-staff':
      case 'partner-system':
        return identity.institutionId === institution.id;
    }
  },
};

/** Throws NOT_ALLOWED (PERMISSION_DENIED) naming the action when a policy says no. */
export function requireAllowed(allowed: boolean, action: string): void {
  if (!allowed) throw new OrganisationError(OrganisationErrorCode.NotAllowed, `your role may not ${action}`);
}
