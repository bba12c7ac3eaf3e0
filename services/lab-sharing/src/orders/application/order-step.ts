import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { counter } from '@medgrid/telemetry';
import { Order, type OrderChanged, type OrderSnapshot } from '../domain/order';
import { OrderError, OrderErrorCode } from '../domain/order-error';
import { OrderEventPublisher } from '../domain/order-event-publisher';
import { OrderRepository } from '../domain/order.repository';
import { OrderReporting } from './order-reporting';
import { OrdersAccess } from './orders-access.policy';

const orderChanges = counter('medgrid_lab_sharing_order_changes_total', 'Order steps taken', [
  'change',
  'kind',
  'urgency',
]);

/** What a step on an order did: the order as it now is and the changes to announce. */
export interface OrderStepDone {
  readonly order: OrderSnapshot;
  readonly events: readonly OrderChanged[];
}

/**
 * How every order use case commits: the changes go to the outbox with the state change and to reporting
 * (a performed order's report opens, a cancelled one's closes) in the same transaction, and are counted once
 * committed. A step on a stored order (RecordExamData, CancelOrder) runs the same way each time: found and
 * locked, the caller checked as the ordering site, a retry answered with the order as it is.
 */
@Injectable()
export class OrderStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly requests: ClientRequests,
    private readonly events: OrderEventPublisher,
    private readonly reporting: OrderReporting,
  ) {}

  run(
    identity: Identity,
    operation: 'record-exam-data' | 'cancel-order',
    command: { readonly clientRequestId: string; readonly orderId: string },
    action: string,
    apply: (order: Order) => void,
    now: Date,
  ): Promise<OrderSnapshot> {
    return this.commit(async () => {
      const found = await this.orders.find(command.orderId, true);
      if (!found) throw new OrderError(OrderErrorCode.NotFound, 'no order with this id', 'orderId');
      OrdersAccess.require(OrdersAccess.canActForSite(identity, found.orderingInstitutionId), action);
      if (await this.requests.isRetry(clientRequestOf(operation, command), found.id)) {
        return { order: found, events: [] };
      }
      const order = Order.restore(found);
      apply(order);
      await this.orders.update(order.snapshot(), found.version);
      return { order: order.snapshot(), events: order.pullEvents() };
    }, now);
  }

  /** Announces the changes with the state change, tells reporting, and counts them once committed. */
  async commit(work: () => Promise<OrderStepDone>, now: Date): Promise<OrderSnapshot> {
    const done = await this.uow.run(async () => {
      const result = await work();
      for (const event of result.events) {
        if (event.change === 'performed') await this.reporting.performed(event.order, now);
        if (event.change === 'cancelled') await this.reporting.cancelled(event.order, now);
      }
      await this.events.ordersChanged(result.events);
      return result;
    });
    for (const event of done.events) {
      orderChanges.inc({ change: event.change, kind: event.order.item.kind, urgency: event.order.urgency });
    }
    return done.order;
  }
}
