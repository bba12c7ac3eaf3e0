import { Injectable } from '@nestjs/common';
import { queryNamed, UnitOfWork } from '@medgrid/database';
import { type EntityManager } from 'typeorm';
import { type CriticalValueAlertSnapshot, type CriticalValueStatus } from '../../domain/critical-value';
import {
  type AlertCursor,
  CriticalValueAlertRepository,
  type UnacknowledgedCount,
} from '../../domain/critical-value-alert.repository';
import { ReportingError, ReportingErrorCode } from '../../domain/reporting-error';
import { alertFromEntity, alertToEntity } from './critical-value-alert.mapper';
import { CriticalValueAlertOrmEntity } from './critical-value-alert.orm-entity';

/** critical_value_alert; joins the current UnitOfWork transaction. */
@Injectable()
export class CriticalValueAlertTypeormRepository extends CriticalValueAlertRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  async insert(alert: CriticalValueAlertSnapshot): Promise<void> {
    await this.db.insert(CriticalValueAlertOrmEntity, alertToEntity(alert));
  }

  async find(id: string, lock: boolean): Promise<CriticalValueAlertSnapshot | null> {
    const row = await this.db.findOne(CriticalValueAlertOrmEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? alertFromEntity(row) : null;
  }

  async update(alert: CriticalValueAlertSnapshot, readVersion: number): Promise<void> {
    const { id, ...row } = alertToEntity(alert);
    const { affected } = await this.db.update(CriticalValueAlertOrmEntity, { id, version: readVersion }, row);
    if (affected !== 1) {
      throw new ReportingError(
        ReportingErrorCode.VersionConflict,
        `the critical value ${id} changed since it was read at version ${readVersion}; read it again`,
      );
    }
  }

  async lockDue(now: Date, limit: number): Promise<CriticalValueAlertSnapshot[]> {
    // SKIP LOCKED: an alert being acknowledged right now is not escalated by the sweep.
    const rows = await this.db
      .createQueryBuilder(CriticalValueAlertOrmEntity, 'a')
      .where(`a.status = 'raised'`)
      .andWhere('a.acknowledgeBy <= :now', { now })
      .orderBy('a.acknowledgeBy', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows.map(alertFromEntity);
  }

  async list(q: {
    orderingInstitutionId: string;
    status: CriticalValueStatus | undefined;
    after: AlertCursor | null;
    limit: number;
  }): Promise<CriticalValueAlertSnapshot[]> {
    const query = this.db
      .createQueryBuilder(CriticalValueAlertOrmEntity, 'a')
      .where('a.orderingInstitutionId = :site', { site: q.orderingInstitutionId });
    if (q.status) query.andWhere('a.status = :status', { status: q.status });
    if (q.after) {
      query.andWhere('(a.raisedAt, a.id) < (:raisedAt, :id::uuid)', {
        raisedAt: q.after.raisedAt,
        id: q.after.id,
      });
    }
    const rows = await query
      .orderBy('a.raisedAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(q.limit)
      .getMany();
    return rows.map(alertFromEntity);
  }

  async unacknowledged(): Promise<UnacknowledgedCount[]> {
    const rows = await queryNamed<{
      ordering_institution_id: string;
      centre_id: string;
      status: 'raised' | 'escalated';
      n: string;
    }>(
      this.db,
      `SELECT ordering_institution_id, centre_id, status, count(*) AS n FROM critical_value_alert
        WHERE status IN ('raised', 'escalated')
        GROUP BY ordering_institution_id, centre_id, status`,
      {},
    );
    return rows.map((r) => ({
      orderingInstitutionId: r.ordering_institution_id,
      centreId: r.centre_id,
      status: r.status,
      count: Number(r.n),
    }));
  }
}
