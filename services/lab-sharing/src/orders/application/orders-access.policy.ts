import { type Identity } from '@medgrid/auth';
import { type OrderSnapshot } from '../domain/order';
import { OrderError, OrderErrorCode } from '../domain/order-error';

/** A centre as the orders context checks callers against it. */
export interface CentreRef {
  readonly groupId: string;
  readonly hostInstitutionId: string;
}

const SITE_ROLES: readonly Identity['role'][] = ['primary-staff', 'hospital-staff', 'partner-system'];

/**
 * Who may do what with orders. A site orders, performs and cancels its own orders (its staff or its partner
 * system); the centre's host institution reads the orders sent to it; the group's administrator supervises the
 * group's orders (reads only). City operators read no patient's orders: they see the figures.
 */
export class OrdersAccess {
  /** Places an order for `siteId`, performs it or cancels it: the site's own staff or systems. */
  static canActForSite(identity: Identity, siteId: string): boolean {
    return SITE_ROLES.includes(identity.role) && identity.institutionId === siteId;
  }

  /** Reads one order: the ordering site, the centre's host, the group's administrator. */
  static canSee(identity: Identity, order: OrderSnapshot, centre: CentreRef | null): boolean {
    switch (identity.role) {
      case 'city-operator':
        return false;
      case 'group-admin':
        return identity.groupId === order.groupId;
      case 'primary-staff':
      case 'hospital-staff':
      case 'partner-system':
        return (
          identity.institutionId === order.orderingInstitutionId ||
          (centre !== null && identity.institutionId === centre.hostInstitutionId)
        );
    }
  }

  /** Lists a site's orders: the site, or its group's administrator. */
  static canListSite(identity: Identity, site: { id: string; groupId: string | null }): boolean {
    if (identity.role === 'group-admin') return site.groupId !== null && identity.groupId === site.groupId;
    return OrdersAccess.canActForSite(identity, site.id);
  }

  /** Lists a centre's orders: the centre's host, or the group's administrator. */
  static canListCentre(identity: Identity, centre: CentreRef): boolean {
    switch (identity.role) {
      case 'city-operator':
        return false;
      case 'group-admin':
        return identity.groupId === centre.groupId;
      case 'primary-staff':
      case 'hospital-staff':
      case 'partner-system':
        return identity.institutionId === centre.hostInstitutionId;
    }
  }
}

export function requireAllowed(allowed: boolean, action: string): void {
  if (!allowed) throw new OrderError(OrderErrorCode.Forbidden, `your role or institution may not ${action}`);
}
