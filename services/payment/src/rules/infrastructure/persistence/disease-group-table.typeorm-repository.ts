import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { type BasisPoints } from '../../../common/domain/share';
import { DiseaseGroupTable } from '../../domain/disease-group-points';
import { DiseaseGroupTableRepository } from '../../domain/disease-group-table.repository';
import { DiseaseGroupTableVersionOrmEntity } from './disease-group-table-version.orm-entity';

/** disease_group_table_version: every version of a fund's disease-group points, whole. */
@Injectable()
export class DiseaseGroupTableTypeormRepository extends DiseaseGroupTableRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async table(fundId: string, lock: boolean): Promise<DiseaseGroupTable> {
    if (lock) await lockForTransaction(this.uow.transactionalManager(), `payment-disease-groups:${fundId}`);
    const row = await this.uow
      .manager()
      .findOne(DiseaseGroupTableVersionOrmEntity, { where: { fundId }, order: { version: 'DESC' } });
    if (!row) return DiseaseGroupTable.empty(fundId);
    return DiseaseGroupTable.restore({
      fundId,
      version: row.version,
      groups: row.groups,
      levelFactorBp: {
        primary: row.levelFactorBp.primary as BasisPoints,
        secondary: row.levelFactorBp.secondary as BasisPoints,
        tertiary: row.levelFactorBp.tertiary as BasisPoints,
      },
    });
  }

  async save(table: DiseaseGroupTable, loadedBy: string, at: Date): Promise<void> {
    const snapshot = table.snapshot();
    await this.uow.transactionalManager().insert(DiseaseGroupTableVersionOrmEntity, {
      fundId: snapshot.fundId,
      version: snapshot.version,
      groups: snapshot.groups.map((g) => ({
        code: g.code,
        name: g.name,
        points: g.points,
        primaryLevel: g.primaryLevel,
        from: g.from,
        until: g.until,
      })),
      levelFactorBp: { ...snapshot.levelFactorBp },
      loadedAt: at,
      loadedBy,
    });
  }

  async tableOn(fundId: string, date: string): Promise<DiseaseGroupTable> {
    return (await this.table(fundId, false)).inForceOn(date);
  }
}
