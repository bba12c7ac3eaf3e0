import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { SharedCentreRepository } from '../../../centres/domain/shared-centre.repository';
import { type OrderSnapshot } from '../../domain/order';
import { OrderError, OrderErrorCode } from '../../domain/order-error';
import { OrderRepository } from '../../domain/order.repository';
import { OrdersAccess } from '../orders-access.policy';
import { type GetOrderQuery } from './get-order.query';

/** GetOrder: the ordering site, the centre's host or the group's administrator reads an order, audited. */
@Injectable()
export class GetOrderUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly centres: SharedCentreRepository,
    private readonly audit: AuditTrail,
  ) {}

  execute(identity: Identity, query: GetOrderQuery): Promise<OrderSnapshot> {
    return this.uow.run(async () => {
      const order = await this.orders.find(query.orderId, false);
      if (!order) throw new OrderError(OrderErrorCode.NotFound, 'no order with this id', 'orderId');
      const centre = await this.centres.findById(order.centreId);
      OrdersAccess.require(
        OrdersAccess.canSee(identity, order, centre && centre.snapshot()),
        'read this order',
      );
      await this.audit.recordRead(identity, { kind: 'lab-order', id: order.id }, query.purpose);
      return order;
    });
  }
}
