import { type Identity } from '@medgrid/auth';
import { CatalogueError, CatalogueErrorCode } from '../domain/catalogue-error';

/**
 * Who may do what with a group's drug catalogue: the group's administrators keep it (its pharmacy and drug
 * committee's decisions); everyone of the group reads it (its administrators, and the staff and systems of its
 * institutions), since every member prescribes and stocks from it. The city's health commission oversees every
 * group's unified catalogue, so a city operator reads any group's, naming it (a published list, no personal data),
 * but edits none: an edit is always on the caller's own group's catalogue.
 */
export class CatalogueAccess {
  static canEdit(identity: Identity): boolean {
    return identity.role === 'group-admin' && identity.groupId !== null;
  }

  static canRead(identity: Identity): boolean {
    return identity.role === 'city-operator' || identity.groupId !== null;
  }

  /** The caller's group, whose catalogue it acts on, once `allowed`; CATALOGUE_ACCESS_DENIED otherwise. */
  static require(identity: Identity, allowed: boolean, action: string): string {
    if (!allowed || identity.groupId === null) {
      throw new CatalogueError(CatalogueErrorCode.Forbidden, `your role may not ${action}`);
    }
    return identity.groupId;
  }

  /**
   * The group whose catalogue a caller reads: the one a city operator names (CATALOGUE_GROUP_REQUIRED on groupId
   * when it names none), a group member's own (CATALOGUE_ACCESS_DENIED when it names another group).
   */
  static readableGroup(identity: Identity, askedGroupId: string | null): string {
    if (identity.role === 'city-operator') {
      if (askedGroupId === null) {
        throw new CatalogueError(
          CatalogueErrorCode.GroupRequired,
          'a city operator names the group whose catalogue it reads',
          'groupId',
        );
      }
      return askedGroupId;
    }
    const groupId = CatalogueAccess.require(
      identity,
      CatalogueAccess.canRead(identity),
      'read a drug catalogue',
    );
    if (askedGroupId !== null && askedGroupId !== groupId) {
      throw new CatalogueError(
        CatalogueErrorCode.Forbidden,
        "a group's members read their own group's drug catalogue, not another group's",
      );
    }
    return groupId;
  }
}
