import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { And, LessThan, MoreThanOrEqual } from 'typeorm';
import { type Delivery, type PurchaseOrder } from '../../domain/purchase-order';
import { type DistributionRecord, PurchaseOrderRepository } from '../../domain/purchasing.repository';
import { PurchaseDeliveryOrmEntity } from './purchase-delivery.orm-entity';
import { PurchaseDistributionOrmEntity } from './purchase-distribution.orm-entity';
import { PurchaseOrderOrmEntity } from './purchase-order.orm-entity';
import {
  deliveryFromEntity,
  distributionFromEntity,
  orderFromEntity,
  orderLinesToJson,
} from './purchasing.mapper';

/** purchase_order, purchase_delivery and purchase_distribution; joins the current UnitOfWork transaction. */
@Injectable()
export class PurchaseOrderTypeormRepository extends PurchaseOrderRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async lockGroup(groupId: string): Promise<void> {
    await lockForTransaction(this.uow.transactionalManager(), `purchasing:${groupId}`);
  }

  async get(id: string): Promise<{ groupId: string; order: PurchaseOrder } | null> {
    const row = await this.uow.manager().findOneBy(PurchaseOrderOrmEntity, { id });
    return row ? { groupId: row.groupId, order: orderFromEntity(row) } : null;
  }

  async placedBy(placementId: string): Promise<PurchaseOrder[]> {
    const rows = await this.uow.manager().find(PurchaseOrderOrmEntity, { where: { placementId } });
    // By supplier as aggregateRequisitions orders them, whatever the database's collation.
    return rows.map(orderFromEntity).sort((a, b) => a.supplier.localeCompare(b.supplier));
  }

  async add(groupId: string, placementId: string, orders: readonly PurchaseOrder[]): Promise<void> {
    if (orders.length === 0) return;
    await this.uow.transactionalManager().insert(
      PurchaseOrderOrmEntity,
      orders.map((order) => {
        const s = order.snapshot();
        return {
          id: s.id,
          groupId,
          placementId,
          supplier: s.supplier,
          status: s.status,
          lines: orderLinesToJson(s.lines),
          placedAt: s.placedAt,
          closedAt: s.closedAt,
        };
      }),
    );
  }

  async update(order: PurchaseOrder): Promise<void> {
    const s = order.snapshot();
    await this.uow
      .transactionalManager()
      .update(
        PurchaseOrderOrmEntity,
        { id: s.id },
        { status: s.status, lines: orderLinesToJson(s.lines), closedAt: s.closedAt },
      );
  }

  async addDelivery(groupId: string, delivery: Delivery): Promise<void> {
    await this.uow.transactionalManager().insert(PurchaseDeliveryOrmEntity, {
      groupId,
      deliveryId: delivery.deliveryId,
      purchaseOrderId: delivery.purchaseOrderId,
      supplier: delivery.supplier,
      lines: [...delivery.lines],
      receivedAt: delivery.receivedAt,
    });
  }

  async deliveries(groupId: string, from: Date, to: Date): Promise<Delivery[]> {
    const rows = await this.uow.manager().find(PurchaseDeliveryOrmEntity, {
      where: { groupId, receivedAt: And(MoreThanOrEqual(from), LessThan(to)) },
      order: { receivedAt: 'ASC', deliveryId: 'ASC' },
    });
    return rows.map(deliveryFromEntity);
  }

  async addDistribution(groupId: string, d: DistributionRecord): Promise<void> {
    await this.uow.transactionalManager().insert(PurchaseDistributionOrmEntity, {
      purchaseOrderId: d.purchaseOrderId,
      groupId,
      supplier: d.supplier,
      allocations: [...d.allocations],
      shortfalls: [...d.shortfalls],
      shortages: [...d.shortages],
      distributedAt: d.distributedAt,
    });
  }

  async distribution(purchaseOrderId: string): Promise<DistributionRecord | null> {
    const row = await this.uow.manager().findOneBy(PurchaseDistributionOrmEntity, { purchaseOrderId });
    return row ? distributionFromEntity(row) : null;
  }
}
