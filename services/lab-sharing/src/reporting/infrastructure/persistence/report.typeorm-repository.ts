import { Injectable } from '@nestjs/common';
import { queryNamed, UnitOfWork } from '@medgrid/database';
import { type EntityManager, In } from 'typeorm';
import { type ReportSnapshot } from '../../domain/report';
import { type OverdueCount, ReportRepository, type WorklistCursor } from '../../domain/report.repository';
import { ReportingError, ReportingErrorCode } from '../../domain/reporting-error';
import { reportFromEntity, reportToEntity, versionsToEntities } from './report.mapper';
import { ReportOrmEntity } from './report.orm-entity';
import { ReportVersionOrmEntity } from './report-version.orm-entity';

const OPEN = ['waiting', 'in-progress'];
const LOCKED = { lock: { mode: 'pessimistic_write' as const } };

/** report and report_version; joins the current UnitOfWork transaction. */
@Injectable()
export class ReportTypeormRepository extends ReportRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  async insert(report: ReportSnapshot): Promise<void> {
    await this.db.insert(ReportOrmEntity, reportToEntity(report));
    await this.insertVersions(report);
  }

  async find(id: string, lock: boolean): Promise<ReportSnapshot | null> {
    const row = await this.db.findOne(ReportOrmEntity, { where: { id }, ...(lock ? LOCKED : {}) });
    return row ? this.withVersions([row]).then(([report]) => report!) : null;
  }

  async findByOrder(orderId: string, lock: boolean): Promise<ReportSnapshot | null> {
    const row = await this.db.findOne(ReportOrmEntity, { where: { orderId }, ...(lock ? LOCKED : {}) });
    return row ? this.withVersions([row]).then(([report]) => report!) : null;
  }

  async update(report: ReportSnapshot, readVersion: number): Promise<void> {
    const { id, ...row } = reportToEntity(report);
    const { affected } = await this.db.update(ReportOrmEntity, { id, version: readVersion }, row);
    if (affected !== 1) {
      throw new ReportingError(
        ReportingErrorCode.VersionConflict,
        `the report ${id} changed since it was read at version ${readVersion}; read it again`,
      );
    }
    await this.insertVersions(report);
  }

  async worklist(centreId: string, after: WorklistCursor | null, limit: number): Promise<ReportSnapshot[]> {
    const query = this.db
      .createQueryBuilder(ReportOrmEntity, 'r')
      .where('r.centreId = :centreId', { centreId })
      .andWhere('r.status IN (:...open)', { open: OPEN });
    if (after) {
      query.andWhere('(r.urgencyRank, r.receivedAt, r.id) > (:rank, :receivedAt, :id::uuid)', {
        rank: after.urgencyRank,
        receivedAt: after.receivedAt,
        id: after.id,
      });
    }
    const rows = await query
      .orderBy('r.urgencyRank', 'ASC')
      .addOrderBy('r.receivedAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit)
      .getMany();
    return this.withVersions(rows);
  }

  async lockIdleClaims(idleSince: Date, limit: number): Promise<ReportSnapshot[]> {
    // SKIP LOCKED: a report its claimant is saving right now is not released by the sweep.
    const rows = await this.db
      .createQueryBuilder(ReportOrmEntity, 'r')
      .where(`r.status = 'in-progress'`)
      .andWhere('r.claimActiveAt <= :idleSince', { idleSince })
      .orderBy('r.claimActiveAt', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return this.withVersions(rows);
  }

  async overdueByCentre(now: Date): Promise<OverdueCount[]> {
    const rows = await queryNamed<{ centre_id: string; group_id: string; overdue: string }>(
      this.db,
      `SELECT centre_id, group_id, count(*) AS overdue FROM report
        WHERE status IN ('waiting', 'in-progress') AND due_at <= :now
        GROUP BY centre_id, group_id`,
      { now },
    );
    return rows.map((r) => ({ centreId: r.centre_id, groupId: r.group_id, overdue: Number(r.overdue) }));
  }

  private async insertVersions(report: ReportSnapshot): Promise<void> {
    const versions = versionsToEntities(report);
    if (versions.length === 0) return;
    // Versions are never rewritten: the ones stored already stay as they are.
    await this.db
      .createQueryBuilder()
      .insert()
      .into(ReportVersionOrmEntity)
      .values(versions)
      .orIgnore()
      .execute();
  }

  private async withVersions(rows: readonly ReportOrmEntity[]): Promise<ReportSnapshot[]> {
    if (rows.length === 0) return [];
    const versions = await this.db.find(ReportVersionOrmEntity, {
      where: { reportId: In(rows.map((r) => r.id)) },
      order: { number: 'ASC' },
    });
    return rows.map((row) =>
      reportFromEntity(
        row,
        versions.filter((v) => v.reportId === row.id),
      ),
    );
  }
}
