import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { In } from 'typeorm';
import { type CoverageLoad } from '../../domain/coverage-load';
import { type ResidentCoverage } from '../../domain/resident-coverage';
import { ResidentCoverageRepository } from '../../domain/resident-coverage.repository';
import { CoverageLoadOrmEntity } from './coverage-load.orm-entity';
import { CoverageSpellOrmEntity } from './coverage-spell.orm-entity';
import {
  coverageFromEntities,
  coverageLoadFromEntity,
  coverageLoadToEntity,
  coverageToEntities,
} from './resident-coverage.mapper';

/** Rows written per statement: a roll of thousands of residents goes in slices under PostgreSQL's parameter limit. */
const SLICE = 1000;

/** coverage_spell (each resident's spells) and coverage_load (the rolls); joins the current UnitOfWork transaction. */
@Injectable()
export class ResidentCoverageTypeormRepository extends ResidentCoverageRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async lockRolls(): Promise<void> {
    await lockForTransaction(this.uow.transactionalManager(), 'payment-coverage-roll');
  }

  async findMany(residentIds: readonly string[]): Promise<Map<string, ResidentCoverage>> {
    const byResident = new Map<string, CoverageSpellOrmEntity[]>();
    for (let i = 0; i < residentIds.length; i += SLICE) {
      const rows = await this.uow
        .manager()
        .findBy(CoverageSpellOrmEntity, { residentId: In(residentIds.slice(i, i + SLICE)) });
      for (const row of rows)
        byResident.set(row.residentId, [...(byResident.get(row.residentId) ?? []), row]);
    }
    return new Map(
      [...byResident].map(([residentId, rows]) => [residentId, coverageFromEntities(residentId, rows)]),
    );
  }

  async find(residentId: string): Promise<ResidentCoverage | null> {
    const rows = await this.uow.manager().findBy(CoverageSpellOrmEntity, { residentId });
    return rows.length ? coverageFromEntities(residentId, rows) : null;
  }

  async saveRoll(load: CoverageLoad, changed: readonly ResidentCoverage[]): Promise<void> {
    const db = this.uow.transactionalManager();
    const residentIds = changed.map((coverage) => coverage.residentId);
    // A resident's spells are written whole: the domain only adds spells and ends the open one, never a past one.
    for (let i = 0; i < residentIds.length; i += SLICE) {
      await db.delete(CoverageSpellOrmEntity, { residentId: In(residentIds.slice(i, i + SLICE)) });
    }
    const rows = changed.flatMap(coverageToEntities);
    for (let i = 0; i < rows.length; i += SLICE) {
      await db.insert(CoverageSpellOrmEntity, rows.slice(i, i + SLICE));
    }
    await db.insert(CoverageLoadOrmEntity, coverageLoadToEntity(load));
  }

  async findLoad(id: string): Promise<CoverageLoad | null> {
    const row = await this.uow.manager().findOneBy(CoverageLoadOrmEntity, { id });
    return row ? coverageLoadFromEntity(row) : null;
  }
}
