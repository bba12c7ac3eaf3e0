import { type Identity } from '@medgrid/auth';
import { CatalogueError, CatalogueErrorCode } from '../domain/catalogue-error';

/**
 * Who may do what with a group's drug catalogue: the group's administrators keep it (its pharmacy and drug
 * committee's decisions); everyone of the group reads it (its administrators, and the staff and systems of its
 * institutions), since every member prescribes and stocks from it. The catalogue is always the caller's group's,
 * so a city operator (no group) has none.
 */
export class CatalogueAccess {
  static canEdit(identity: Identity): boolean {
    return identity.role === 'group-admin' && identity.groupId !== null;
  }

  static canRead(identity: Identity): boolean {
    return identity.groupId !== null;
  }

  /** The caller's group, whose catalogue it acts on, once `allowed`; CATALOGUE_ACCESS_DENIED otherwise. */
  static require(identity: Identity, allowed: boolean, action: string): string {
    if (!allowed || identity.groupId === null) {
      throw new CatalogueError(CatalogueErrorCode.Forbidden, `your role may not ${action}`);
    }
    return identity.groupId;
  }
}
