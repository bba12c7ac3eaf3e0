import { Injectable } from '@nestjs/common';
import {
  OrderCancelledEvent,
  OrderPerformedEvent,
  OrderPlacedEvent,
  OrderReportedEvent,
} from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { orderToProto } from '../../contracts/order.proto-mapper';
import { type OrderChanged } from '../../domain/order';
import { OrderEventPublisher } from '../../domain/order-event-publisher';

/** Writes the orders context's events to the outbox, keyed by order id, in the caller's transaction. */
@Injectable()
export class OrderOutboxPublisher extends OrderEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async ordersChanged(events: readonly OrderChanged[]): Promise<void> {
    for (const { change, order } of events) {
      const message = {
        aggregateId: order.id,
        aggregateVersion: order.version,
        occurredAt: new Date(),
        payload: { order: orderToProto(order) },
      };
      switch (change) {
        case 'placed':
          await this.outbox.append(OrderPlacedEvent, message);
          break;
        case 'performed':
          await this.outbox.append(OrderPerformedEvent, message);
          break;
        case 'reported':
          await this.outbox.append(OrderReportedEvent, message);
          break;
        case 'cancelled':
          await this.outbox.append(OrderCancelledEvent, message);
          break;
      }
    }
  }
}
