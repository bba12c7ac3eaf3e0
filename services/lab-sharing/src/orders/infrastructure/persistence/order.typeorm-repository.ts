import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type EntityManager } from 'typeorm';
import { type OrderSnapshot, type OrderStatus } from '../../domain/order';
import { OrderError, OrderErrorCode } from '../../domain/order-error';
import { type OrderCursor, type OrderOwner, OrderRepository } from '../../domain/order.repository';
import { LabOrderOrmEntity } from './lab-order.orm-entity';
import { orderFromEntity, orderToEntity } from './order.mapper';

/** lab_order; joins the current UnitOfWork transaction. */
@Injectable()
export class OrderTypeormRepository extends OrderRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  async insert(order: OrderSnapshot): Promise<void> {
    await this.db.insert(LabOrderOrmEntity, orderToEntity(order));
  }

  async find(id: string, lock: boolean): Promise<OrderSnapshot | null> {
    const row = await this.db.findOne(LabOrderOrmEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? orderFromEntity(row) : null;
  }

  async update(order: OrderSnapshot, readVersion: number): Promise<void> {
    const { id, ...row } = orderToEntity(order);
    const { affected } = await this.db.update(LabOrderOrmEntity, { id, version: readVersion }, row);
    if (affected !== 1) {
      throw new OrderError(
        OrderErrorCode.VersionConflict,
        `the order ${id} changed since it was read at version ${readVersion}; read it again`,
      );
    }
  }

  async list(q: {
    owner: OrderOwner;
    status: OrderStatus | undefined;
    after: OrderCursor | null;
    limit: number;
  }): Promise<OrderSnapshot[]> {
    const query = this.db.createQueryBuilder(LabOrderOrmEntity, 'o');
    if ('centreId' in q.owner) query.where('o.centreId = :centreId', { centreId: q.owner.centreId });
    else
      query.where('o.orderingInstitutionId = :institutionId', {
        institutionId: q.owner.orderingInstitutionId,
      });
    if (q.status) query.andWhere('o.status = :status', { status: q.status });
    if (q.after) {
      query.andWhere('(o.placedAt, o.id) < (:afterPlacedAt, :afterId::uuid)', {
        afterPlacedAt: q.after.placedAt,
        afterId: q.after.id,
      });
    }
    const rows = await query
      .orderBy('o.placedAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(q.limit)
      .getMany();
    return rows.map(orderFromEntity);
  }
}
