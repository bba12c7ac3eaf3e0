import { type Identity } from '@medgrid/auth';
import { OrganisationError, OrganisationErrorCode } from '../domain/organisation-error';

/**
 * Who may change the map of the city's care. The city's operators run it;
 * a group's administrators manage their own group and its institutions;
 * an institution's own staff and systems register its departments. Reading
 * master data (no personal data) is open to every authenticated caller.
 */
export class OrganisationAccess {
  static manageCityMap(identity: Identity): boolean {
    return identity.role === 'city-operator';
  }

  static manageGroup(identity: Identity, groupId: string): boolean {
    return (
      identity.role === 'city-operator' || (identity.role === 'group-admin' && identity.groupId === groupId)
    );
  }

  static manageInstitution(identity: Identity, institution: { id: string; groupId: string | null }): boolean {
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
  }

  /**
   * Act at an institution: register its departments, practitioners and teams. Those who manage
   * it may, and so may its own staff and HIS.
   */
  static actForInstitution(identity: Identity, institution: { id: string; groupId: string | null }): boolean {
    switch (identity.role) {
      case 'city-operator':
      case 'group-admin':
        return OrganisationAccess.manageInstitution(identity, institution);
      case 'primary-staff':
      case 'hospital-staff':
      case 'partner-system':
        return identity.institutionId === institution.id;
    }
  }
}

/** Throws NOT_ALLOWED (PERMISSION_DENIED) naming the action when a policy says no. */
export function requireAllowed(allowed: boolean, action: string): void {
  if (!allowed) throw new OrganisationError(OrganisationErrorCode.NotAllowed, `your role may not ${action}`);
}
