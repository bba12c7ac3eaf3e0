import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type PageKey, pageOf } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { SharedCentreRepository } from '../../../centres/domain/shared-centre.repository';
import { type OrderSnapshot } from '../../domain/order';
import { OrderError, OrderErrorCode } from '../../domain/order-error';
import { OrderRepository } from '../../domain/order.repository';
import { OrdersAccess } from '../orders-access.policy';
import { type ListOrdersQuery } from './list-orders.query';

const newestFirst = (o: OrderSnapshot): PageKey => [o.placedAt.toISOString(), o.id];

export interface OrderPage {
  readonly orders: OrderSnapshot[];
  /** Empty on the last page. */
  readonly nextPageToken: string;
}

/** ListOrders: a site's orders (the site, its group's administrator) or a centre's (its host, the administrator). */
@Injectable()
export class ListOrdersUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly centres: SharedCentreRepository,
    private readonly registry: RegistryView,
    private readonly audit: AuditTrail,
  ) {}

  execute(identity: Identity, query: ListOrdersQuery): Promise<OrderPage> {
    const { page, owner } = query;
    return this.uow.run(async () => {
      if ('centreId' in owner) {
        const centre = await this.centres.findById(owner.centreId);
        if (!centre)
          throw new OrderError(OrderErrorCode.NoCentre, 'no shared centre with this id', 'centreId');
        OrdersAccess.require(
          OrdersAccess.canListCentre(identity, centre.snapshot()),
          "list this centre's orders",
        );
      } else {
        const site = await this.registry.institution(owner.orderingInstitutionId);
        OrdersAccess.require(
          OrdersAccess.canListSite(identity, {
            id: owner.orderingInstitutionId,
            groupId: site?.groupId ?? null,
          }),
          "list this institution's orders",
        );
      }
      const rows = await this.orders.list({
        owner,
        status: query.status,
        after: page.after,
        limit: page.limit,
      });
      const { items, nextPageToken } = pageOf(rows, page, newestFirst);
      await this.audit.recordReads(
        identity,
        items.map((o) => ({ kind: 'lab-order', id: o.id })),
        query.purpose,
      );
      return { orders: items, nextPageToken };
    });
  }
}
