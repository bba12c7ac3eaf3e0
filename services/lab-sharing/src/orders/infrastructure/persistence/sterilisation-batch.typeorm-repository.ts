import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type EntityManager } from 'typeorm';
import { OrderError, OrderErrorCode } from '../../domain/order-error';
import {
  SterilisationBatch,
  type SterilisationBatchSnapshot,
  type SterilisationStatus,
} from '../../domain/sterilisation-batch';
import {
  type SterilisationBatchCursor,
  type SterilisationBatchOwner,
  SterilisationBatchRepository,
} from '../../domain/sterilisation-batch.repository';
import { sterilisationBatchFromEntity, sterilisationBatchToEntity } from './sterilisation-batch.mapper';
import { SterilisationBatchOrmEntity } from './sterilisation-batch.orm-entity';

/** sterilisation_batch; joins the current UnitOfWork transaction. */
@Injectable()
export class SterilisationBatchTypeormRepository extends SterilisationBatchRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  async insert(batch: SterilisationBatch): Promise<void> {
    await this.db.insert(SterilisationBatchOrmEntity, sterilisationBatchToEntity(batch.snapshot()));
  }

  async findById(id: string, forUpdate: boolean): Promise<SterilisationBatch | null> {
    const row = await this.db.findOne(SterilisationBatchOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? SterilisationBatch.restore(sterilisationBatchFromEntity(row)) : null;
  }

  async update(batch: SterilisationBatch, readVersion: number): Promise<void> {
    const { id, ...row } = sterilisationBatchToEntity(batch.snapshot());
    const { affected } = await this.db.update(SterilisationBatchOrmEntity, { id, version: readVersion }, row);
    if (affected !== 1) {
      throw new OrderError(
        OrderErrorCode.VersionConflict,
        `the sterilisation batch ${id} changed since it was read at version ${readVersion}; read it again`,
      );
    }
  }

  async list(
    owner: SterilisationBatchOwner,
    status: SterilisationStatus | null,
    after: SterilisationBatchCursor | null,
    limit: number,
  ): Promise<SterilisationBatchSnapshot[]> {
    const query = this.db.createQueryBuilder(SterilisationBatchOrmEntity, 'batch');
    if ('centreId' in owner) query.where('batch.centreId = :centreId', { centreId: owner.centreId });
    else query.where('batch.sendingInstitutionId = :sender', { sender: owner.sendingInstitutionId });
    if (status) query.andWhere('batch.status = :status', { status });
    if (after) {
      query.andWhere('(batch.sentAt, batch.id) < (:sentAt, :id)', { sentAt: after.sentAt, id: after.id });
    }
    const rows = await query
      .orderBy('batch.sentAt', 'DESC')
      .addOrderBy('batch.id', 'DESC')
      .limit(limit)
      .getMany();
    return rows.map(sterilisationBatchFromEntity);
  }
}
