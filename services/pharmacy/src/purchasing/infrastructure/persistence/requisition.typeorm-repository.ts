import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type RequisitionCursor, RequisitionRepository } from '../../domain/purchasing.repository';
import { type Requisition, type RequisitionStatus } from '../../domain/requisition';
import { requisitionFromEntity, requisitionToEntity } from './purchasing.mapper';
import { RequisitionOrmEntity } from './requisition.orm-entity';

/** requisition; joins the current UnitOfWork transaction. */
@Injectable()
export class RequisitionTypeormRepository extends RequisitionRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async get(id: string): Promise<{ groupId: string; requisition: Requisition } | null> {
    const row = await this.uow.manager().findOneBy(RequisitionOrmEntity, { id });
    return row ? { groupId: row.groupId, requisition: requisitionFromEntity(row) } : null;
  }

  async list(
    groupId: string,
    institutionId: string | null,
    status: RequisitionStatus | null,
    page: { readonly limit: number; readonly after: RequisitionCursor | null },
  ): Promise<Requisition[]> {
    const query = this.uow
      .manager()
      .createQueryBuilder(RequisitionOrmEntity, 'r')
      .where('r.group_id = :groupId', { groupId })
      .orderBy('r.raised_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(page.limit);
    if (institutionId) query.andWhere('r.institution_id = :institutionId', { institutionId });
    if (status) query.andWhere('r.status = :status', { status });
    // Keyset: strictly after the last row served in (raised_at, id) descending order.
    if (page.after) {
      query.andWhere('(r.raised_at, r.id) < (:raisedAt, :id)', {
        raisedAt: page.after.raisedAt,
        id: page.after.id,
      });
    }
    return (await query.getMany()).map(requisitionFromEntity);
  }

  async open(groupId: string): Promise<Requisition[]> {
    const rows = await this.uow.manager().find(RequisitionOrmEntity, {
      where: { groupId, status: 'open' },
      order: { raisedAt: 'ASC', id: 'ASC' },
    });
    return rows.map(requisitionFromEntity);
  }

  async add(groupId: string, requisition: Requisition): Promise<void> {
    await this.uow
      .transactionalManager()
      .insert(RequisitionOrmEntity, requisitionToEntity(groupId, requisition));
  }

  async update(requisition: Requisition): Promise<void> {
    const s = requisition.snapshot();
    await this.uow
      .transactionalManager()
      .update(
        RequisitionOrmEntity,
        { id: s.id },
        { status: s.status, purchaseOrderIds: [...s.purchaseOrderIds] },
      );
  }
}
