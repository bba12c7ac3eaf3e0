import { type Identity } from '@medgrid/auth';
import { CentreError, CentreErrorCode } from '../domain/centre-error';

/**
 * Who may do what with a group's shared centres and the performing institutions' quality records. A group's
 * administrator runs its centres; a city operator oversees every group; the staff and systems of the group's
 * institutions read their group's centres (to order from them), and no one reads another group's.
 */
export class CentreAccess {
  /** Register, serve, stop serving, close: the group's administrator, a city operator. */
  static canManage(identity: Identity, groupId: string): boolean {
    switch (identity.role) {
      case 'city-operator':
        return true;
      case 'group-admin':
        return identity.groupId === groupId;
      case 'primary-staff':
      case 'hospital-staff':
      case 'partner-system':
        return false;
    }
  }

  /** A group's centres and their reporters: anyone of the group, a city operator. */
  static canSee(identity: Identity, groupId: string): boolean {
    switch (identity.role) {
      case 'city-operator':
        return true;
      case 'group-admin':
      case 'primary-staff':
      case 'hospital-staff':
      case 'partner-system':
        return identity.groupId === groupId;
    }
  }

  /**
   * A quality record of an institution: a city operator (the city's quality-control centres assess every
   * institution), or the administrator of the institution's group. An institution does not certify itself.
   */
  static canRecordQuality(identity: Identity, institutionGroupId: string | null): boolean {
    switch (identity.role) {
      case 'city-operator':
        return true;
      case 'group-admin':
        return institutionGroupId !== null && identity.groupId === institutionGroupId;
      case 'primary-staff':
      case 'hospital-staff':
      case 'partner-system':
        return false;
    }
  }

  /** Refuses with PERMISSION_DENIED FORBIDDEN, naming the action. */
  static require(allowed: boolean, action: string): void {
    if (!allowed) throw new CentreError(CentreErrorCode.Forbidden, `your role may not ${action}`);
  }
}
