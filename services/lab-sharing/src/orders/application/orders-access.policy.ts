import { type Identity } from '@medgrid/auth';
import { LabSharingAccess } from '../../common/lab-sharing-access.policy';
import { type OrderSnapshot } from '../domain/order';
import { OrderError, OrderErrorCode } from '../domain/order-error';

/** A centre as the orders context checks callers against it. */
export interface CentreRef {
  readonly groupId: string;
  readonly hostInstitutionId: string;
}

/**
 * Who may do what with orders. A site orders, performs and cancels its own orders (its staff or its partner
 * system); the centre's host institution reads the orders sent to it; the group's administrator supervises the
 * group's orders (reads only). City operators read no patient's orders: they see the figures.
 */
export class OrdersAccess {
  /** Places an order for `siteId`, performs it or cancels it: the site's own staff or systems. */
  static canActForSite(identity: Identity, siteId: string): boolean {
    return LabSharingAccess.actsFor(identity, siteId);
  }

  /** Reads one order: the ordering site, the centre's host, the group's administrator. */
  static canSee(identity: Identity, order: OrderSnapshot, centre: CentreRef | null): boolean {
    return LabSharingAccess.isPartyToOrder(identity, order, centre);
  }

  /** Lists a site's orders: the site, or its group's administrator. */
  static canListSite(identity: Identity, site: { id: string; groupId: string | null }): boolean {
    return LabSharingAccess.actsForOrSupervises(identity, site);
  }

  /** Lists a centre's orders: the centre's host, or the group's administrator. */
  static canListCentre(identity: Identity, centre: CentreRef): boolean {
    return LabSharingAccess.actsForOrSupervises(identity, {
      id: centre.hostInstitutionId,
      groupId: centre.groupId,
    });
  }

  /** Refuses with PERMISSION_DENIED FORBIDDEN, naming the action. */
  static require(allowed: boolean, action: string): void {
    if (!allowed)
      throw new OrderError(OrderErrorCode.Forbidden, `your role or institution may not ${action}`);
  }
}
