import { Injectable } from '@nestjs/common';
import { lockForTransaction, queryNamed, UnitOfWork } from '@medgrid/database';
import { LessThanOrEqual } from 'typeorm';
import { ReimbursementTable } from '../../domain/reimbursement-table';
import { ReimbursementTableRepository, type TableEditor } from '../../domain/reimbursement-table.repository';
import { RuleError, RuleErrorCode } from '../../domain/rule-error';
import { ruleToStored, tableFromVersion } from './reimbursement-table.mapper';
import { ReimbursementTableOrmEntity } from './reimbursement-table.orm-entity';
import { ReimbursementTableVersionOrmEntity } from './reimbursement-table-version.orm-entity';

/**
 * reimbursement_table (the version a region stands at) and reimbursement_table_version (every version, whole);
 * joins the current UnitOfWork transaction.
 */
@Injectable()
export class ReimbursementTableTypeormRepository extends ReimbursementTableRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async load(regionId: string, lock: boolean): Promise<ReimbursementTable> {
    // A region with no table yet has no row to lock, so loads queue on an advisory lock.
    if (lock) await lockForTransaction(this.uow.transactionalManager(), `reimbursement-table:${regionId}`);
    const head = await this.uow.manager().findOneBy(ReimbursementTableOrmEntity, { regionId });
    if (!head) return ReimbursementTable.empty(regionId);
    return (await this.version(regionId, head.version)) ?? ReimbursementTable.empty(regionId);
  }

  async versionAt(regionId: string, at: Date): Promise<ReimbursementTable> {
    const row = await this.uow.manager().findOne(ReimbursementTableVersionOrmEntity, {
      where: { regionId, loadedAt: LessThanOrEqual(at) },
      order: { version: 'DESC' },
    });
    return row ? tableFromVersion(row) : ReimbursementTable.empty(regionId);
  }

  async version(regionId: string, version: number): Promise<ReimbursementTable | null> {
    const row = await this.uow.manager().findOneBy(ReimbursementTableVersionOrmEntity, { regionId, version });
    return row ? tableFromVersion(row) : null;
  }

  async save(table: ReimbursementTable, readVersion: number, editor: TableEditor): Promise<void> {
    const state = table.snapshot();
    if (state.version === readVersion) return;
    const db = this.uow.transactionalManager();
    const loadedAt = state.loadedAt ?? new Date();
    if (readVersion === 0) {
      const inserted = await queryNamed(
        db,
        `INSERT INTO reimbursement_table (region_id, version, loaded_at)
         VALUES (:regionId, :version, :loadedAt)
         ON CONFLICT (region_id) DO NOTHING
         RETURNING region_id`,
        { regionId: state.regionId, version: state.version, loadedAt },
      );
      if (inserted.length === 0) throw stale(state.regionId, readVersion);
    } else {
      const { affected } = await db.update(
        ReimbursementTableOrmEntity,
        { regionId: state.regionId, version: readVersion },
        { version: state.version, loadedAt },
      );
      if (affected !== 1) throw stale(state.regionId, readVersion);
    }
    await db.insert(ReimbursementTableVersionOrmEntity, {
      regionId: state.regionId,
      version: state.version,
      rules: state.rules.map(ruleToStored),
      loadedBy: editor.subject,
      loadedByRole: editor.role,
      loadedAt,
    });
  }
}

function stale(regionId: string, readVersion: number): RuleError {
  return new RuleError(
    RuleErrorCode.StaleTableVersion,
    `the table of region ${regionId} is no longer at version ${readVersion}: read it again and redo the change`,
    'fromVersion',
  );
}
