import { type Identity } from '@medgrid/auth';
import { OrganisationAccess } from '../../organisation/application/organisation-access.policy';
import { WorkforceError, WorkforceErrorCode } from '../domain/workforce-error';

/**
 * Who may register practitioners and form teams at an institution: those who may act for it
 * (its own staff and systems, its group's administrators, the city's operators). Reading
 * practitioners and teams (professional data) is open to every authenticated caller.
 */
export class WorkforceAccess {
  static actAt(identity: Identity, institution: { id: string; groupId: string | null }): boolean {
    return OrganisationAccess.actForInstitution(identity, institution);
  }
}

/** Throws NOT_ALLOWED (PERMISSION_DENIED) naming the action when a policy says no. */
export function requireAllowed(allowed: boolean, action: string): void {
  if (!allowed) throw new WorkforceError(WorkforceErrorCode.NotAllowed, `your role may not ${action}`);
}
