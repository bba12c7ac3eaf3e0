import { type Identity } from '@medgrid/auth';
import { PurchasingError, PurchasingErrorCode } from '../domain/purchasing-error';

/** The roles that act for one institution: its staff and its systems (HIS, pharmacy system). */
const INSTITUTION_ROLES: readonly Identity['role'][] = ['primary-staff', 'hospital-staff', 'partner-system'];

/**
 * Who may do what in unified purchasing: an institution raises requisitions of its own (its staff and systems) and
 * reads them; the group's administrators are its purchasing centre: they read every requisition of the group, place
 * purchase orders, receive deliveries, distribute them and settle with the suppliers.
 */
export class PurchasingAccess {
  /** The caller's institution and group, once it may raise a requisition. */
  static requisitioner(identity: Identity): { institutionId: string; groupId: string } {
    if (!INSTITUTION_ROLES.includes(identity.role) || !identity.institutionId || !identity.groupId) {
      throw new PurchasingError(PurchasingErrorCode.Forbidden, 'your role may not raise a requisition');
    }
    return { institutionId: identity.institutionId, groupId: identity.groupId };
  }

  /** The caller's group, once it acts as the group's purchasing centre. */
  static centre(identity: Identity, action: string): string {
    if (identity.role !== 'group-admin' || !identity.groupId) {
      throw new PurchasingError(PurchasingErrorCode.Forbidden, `your role may not ${action}`);
    }
    return identity.groupId;
  }

  /** Whether the caller reads the institution's requisitions: the institution itself, or its group's centre. */
  static canReadRequisition(identity: Identity, groupId: string, institutionId: string): boolean {
    if (identity.role === 'group-admin') return identity.groupId === groupId;
    return INSTITUTION_ROLES.includes(identity.role) && identity.institutionId === institutionId;
  }
}
