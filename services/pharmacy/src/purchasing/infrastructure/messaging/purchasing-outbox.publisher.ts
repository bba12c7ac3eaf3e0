import { Injectable } from '@nestjs/common';
import { PurchaseOrderDistributedEvent, PurchaseOrderPlacedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { distributionToProto, purchaseOrderToProto } from '../../contracts/purchasing.proto-mapper';
import { type PurchaseOrder } from '../../domain/purchase-order';
import { PurchasingEventPublisher } from '../../domain/purchasing-event-publisher';
import { type DistributionRecord } from '../../domain/purchasing.repository';

/**
 * Writes purchasing's events to the outbox, in the caller's transaction. Keyed by purchase order, so an order's
 * placement reaches a consumer before its distribution: version 1 placed, 2 distributed.
 */
@Injectable()
export class PurchasingOutboxPublisher extends PurchasingEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async ordersPlaced(groupId: string, orders: readonly PurchaseOrder[], placedBy: string): Promise<void> {
    if (orders.length === 0) return;
    await this.outbox.appendMany(
      PurchaseOrderPlacedEvent,
      orders.map((order) => ({
        aggregateId: order.id,
        aggregateVersion: 1,
        occurredAt: order.snapshot().placedAt,
        payload: { groupId, purchaseOrder: purchaseOrderToProto(order), placedBy },
      })),
    );
  }

  async distributed(groupId: string, distribution: DistributionRecord, distributedBy: string): Promise<void> {
    await this.outbox.append(PurchaseOrderDistributedEvent, {
      aggregateId: distribution.purchaseOrderId,
      aggregateVersion: 2,
      occurredAt: distribution.distributedAt,
      payload: {
        groupId,
        distribution: distributionToProto(distribution),
        distributedBy,
        distributedAt: distribution.distributedAt,
      },
    });
  }
}
