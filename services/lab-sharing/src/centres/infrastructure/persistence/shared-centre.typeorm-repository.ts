import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type EntityManager } from 'typeorm';
import { CentreError, CentreErrorCode } from '../../domain/centre-error';
import { SharedCentre } from '../../domain/shared-centre';
import {
  type SharedCentreCursor,
  type SharedCentreFilter,
  SharedCentreRepository,
} from '../../domain/shared-centre.repository';
import { sharedCentreFromEntity, sharedCentreToEntity } from './shared-centre.mapper';
import { SharedCentreOrmEntity } from './shared-centre.orm-entity';

/** shared_centre; joins the current UnitOfWork transaction. */
@Injectable()
export class SharedCentreTypeormRepository extends SharedCentreRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  async findById(id: string): Promise<SharedCentre | null> {
    const row = await this.db.findOneBy(SharedCentreOrmEntity, { id });
    return row ? SharedCentre.restore(sharedCentreFromEntity(row)) : null;
  }

  async findForUpdate(id: string): Promise<SharedCentre | null> {
    const row = await this.db.findOne(SharedCentreOrmEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row ? SharedCentre.restore(sharedCentreFromEntity(row)) : null;
  }

  async insert(centre: SharedCentre): Promise<void> {
    await this.db.insert(SharedCentreOrmEntity, sharedCentreToEntity(centre.snapshot()));
  }

  async update(centre: SharedCentre, readVersion: number): Promise<void> {
    const { id, ...row } = sharedCentreToEntity(centre.snapshot());
    const { affected } = await this.db.update(SharedCentreOrmEntity, { id, version: readVersion }, row);
    if (affected !== 1) {
      throw new CentreError(
        CentreErrorCode.VersionConflict,
        `the centre ${id} changed since it was read at version ${readVersion}; read it again`,
      );
    }
  }

  async list(
    filter: SharedCentreFilter,
    after: SharedCentreCursor | null,
    limit: number,
  ): Promise<SharedCentre[]> {
    const query = this.db
      .createQueryBuilder(SharedCentreOrmEntity, 'centre')
      .where('centre.groupId = :groupId', { groupId: filter.groupId });
    if (filter.kind) query.andWhere('centre.kind = :kind', { kind: filter.kind });
    if (!filter.includeClosed) query.andWhere('centre.status = :active', { active: 'active' });
    if (after) {
      query.andWhere('(centre.name, centre.id) > (:name, :id)', { name: after.name, id: after.id });
    }
    const rows = await query
      .orderBy('centre.name', 'ASC')
      .addOrderBy('centre.id', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((row) => SharedCentre.restore(sharedCentreFromEntity(row)));
  }
}
