import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type EntityManager } from 'typeorm';
import { CriteriaRepository, type StoredCriteria } from '../../domain/criteria.repository';
import { type DiseaseCriteriaInput } from '../../domain/disease-criteria';
import { CriteriaCatalogueStateOrmEntity } from './criteria-catalogue-state.orm-entity';
import { CriteriaEntryOrmEntity } from './criteria-entry.orm-entity';
import { criteriaFromEntity, criteriaToEntity } from './criteria.mapper';

/** The one row of criteria_catalogue_state (the migration makes it, and a check keeps it alone). */
const STATE = { id: 1 };

/** The editable criteria catalogue in PostgreSQL; joins the current UnitOfWork transaction. */
@Injectable()
export class CriteriaTypeormRepository extends CriteriaRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  async version(): Promise<number> {
    const state = await this.db.findOneBy(CriteriaCatalogueStateOrmEntity, STATE);
    return Number(state?.version ?? 0);
  }

  async all(): Promise<StoredCriteria[]> {
    const rows = await this.db.find(CriteriaEntryOrmEntity, { order: { key: 'ASC' } });
    return rows.map(criteriaFromEntity);
  }

  async lockCatalogue(): Promise<number> {
    const state = await this.db.findOne(CriteriaCatalogueStateOrmEntity, {
      where: STATE,
      lock: { mode: 'pessimistic_write' },
    });
    return Number(state?.version ?? 0);
  }

  async put(key: string, input: DiseaseCriteriaInput, now: Date): Promise<void> {
    await this.db.upsert(CriteriaEntryOrmEntity, criteriaToEntity({ key, input, updatedAt: now }), {
      conflictPaths: ['key'],
    });
  }

  async remove(key: string): Promise<boolean> {
    const result = await this.db.delete(CriteriaEntryOrmEntity, { key });
    return result.affected === 1;
  }

  async bumpVersion(): Promise<void> {
    await this.db.increment(CriteriaCatalogueStateOrmEntity, STATE, 'version', 1);
  }
}
