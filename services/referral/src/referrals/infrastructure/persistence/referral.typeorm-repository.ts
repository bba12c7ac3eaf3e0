import { Injectable } from '@nestjs/common';
import { type AtomicInserts, UnitOfWork } from '@medgrid/database';
import { CLINIC_TIME_ZONE } from '@medgrid/kernel';
import { Brackets, type EntityManager, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import { type NewReferrals } from '../../application/new-referrals';
import { Referral, type ReferralSnapshot } from '../../domain/referral';
import { type ReferralDirection } from '../../domain/referral-direction';
import { type ReferralHistoryEntry } from '../../domain/referral-history';
import {
  type ReferralChange,
  type ReferralCursor,
  type ReferralFilter,
  type ReferralMonthFigures,
  ReferralRepository,
  type ReferralStatisticsFilter,
  type ReferralStatusCount,
  type ReferralVisibility,
} from '../../domain/referral.repository';
import {
  EXPIRABLE_UPWARD_STATES,
  OPEN_UPWARD_STATES,
  type ReferralStatus,
} from '../../domain/referral-status';
import { ReferralHistoryOrmEntity } from './referral-history.orm-entity';
import { historyFromEntity, historyToEntity, referralFromEntity, referralToEntity } from './referral.mapper';
import { ReferralOrmEntity } from './referral.orm-entity';

/**
 * An upward referral that still owes its visit (OPEN_UPWARD_STATES) and is past its deadline,
 * as of the parameter `:overdueAt`, on alias `r`. The states are spelled out, not bound, so the
 * planner can use the partial index referral_due_idx.
 */
const OVERDUE =
  `r.direction = 'upward' AND r.dueAt < :overdueAt` +
  ` AND r.status IN (${OPEN_UPWARD_STATES.map((s) => `'${s}'`).join(', ')})`;

/** States in which the receiving side has done its part: the visit held, or the patient taken back. */
const HANDLED_STATES: readonly ReferralStatus[] = ['completed', 'received', 'followed-up', 'closed'];

const inList = (states: readonly ReferralStatus[]) => states.map((s) => `'${s}'`).join(', ');

/** Narrows a query on alias `r` to the referrals a visibility lets the caller read. */
function visibleTo(where: WhereExpressionBuilder, visibility: ReferralVisibility): void {
  switch (visibility.kind) {
    case 'all':
      return;
    case 'group':
      where.andWhere('r.groupId = :visibleGroup', { visibleGroup: visibility.groupId });
      return;
    case 'institution':
      where.andWhere(
        new Brackets((either) =>
          either
            .where('r.referringInstitutionId = :visibleInstitution')
            .orWhere('r.receivingInstitutionId = :visibleInstitution'),
        ),
        { visibleInstitution: visibility.institutionId },
      );
      return;
  }
}

/** The referral aggregate and its history in PostgreSQL; joins the current UnitOfWork transaction. */
@Injectable()
export class ReferralTypeormRepository extends ReferralRepository implements NewReferrals {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  private referrals(): SelectQueryBuilder<ReferralOrmEntity> {
    return this.db.createQueryBuilder(ReferralOrmEntity, 'r');
  }

  async insert(referral: Referral): Promise<ReferralHistoryEntry[]> {
    // The defaults of the entity are for rows older than their columns; this row sets every
    // column, so there is nothing to read back.
    await this.db
      .createQueryBuilder()
      .insert()
      .into(ReferralOrmEntity)
      .values(referralToEntity(referral.snapshot()))
      .updateEntity(false)
      .execute();
    return this.appendHistory(referral.pullHistory());
  }

  stage(inserts: AtomicInserts, referral: Referral): ReferralHistoryEntry[] {
    const entries = referral.pullHistory();
    inserts.add(ReferralOrmEntity, referralToEntity(referral.snapshot()));
    // Positions are handed out at commit (the table's deferred trigger), as for appendHistory.
    inserts.add(ReferralHistoryOrmEntity, ...(entries.map(historyToEntity) as ReferralHistoryOrmEntity[]));
    return entries.map((entry) => ({ ...entry, seq: 0 }));
  }

  async update(referral: Referral): Promise<ReferralHistoryEntry[]> {
    const entries = referral.pullHistory();
    const { id, ...row } = referralToEntity(referral.snapshot());
    // Each recorded entry moved the version on by one: the row must still be where it was read.
    const read = row.version - entries.length;
    const result = await this.db.update(ReferralOrmEntity, { id, version: read }, row);
    if (result.affected !== 1) {
      throw new Error(`referral ${id} is not at version ${read} any more: it was read without its lock`);
    }
    return this.appendHistory(entries);
  }

  async findById(id: string, forUpdate: boolean): Promise<Referral | null> {
    const row = await this.db.findOne(ReferralOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? Referral.restore(referralFromEntity(row)) : null;
  }

  async history(referralId: string): Promise<ReferralHistoryEntry[]> {
    const rows = await this.db.find(ReferralHistoryOrmEntity, {
      where: { referralId },
      order: { seq: 'ASC' },
    });
    return rows.map(historyFromEntity);
  }

  async list(
    visibility: ReferralVisibility,
    filter: ReferralFilter,
    after: ReferralCursor | null,
    limit: number,
  ): Promise<ReferralSnapshot[]> {
    const query = this.referrals();
    visibleTo(query, visibility);
    if (filter.institutionId) {
      query.andWhere(
        new Brackets((either) =>
          either
            .where('r.referringInstitutionId = :institution')
            .orWhere('r.receivingInstitutionId = :institution'),
        ),
        { institution: filter.institutionId },
      );
    }
    if (filter.patientResidentId) {
      query.andWhere('r.patientResidentId = :patient', { patient: filter.patientResidentId });
    }
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.direction) query.andWhere('r.direction = :direction', { direction: filter.direction });
    if (filter.createdFrom)
      query.andWhere('r.createdAt >= :createdFrom', { createdFrom: filter.createdFrom });
    if (filter.createdTo) query.andWhere('r.createdAt < :createdTo', { createdTo: filter.createdTo });
    if (filter.overdueAt) query.andWhere(OVERDUE, { overdueAt: filter.overdueAt });
    if (after) {
      query.andWhere('(r.createdAt, r.id) < (:afterCreatedAt, :afterId::uuid)', {
        afterCreatedAt: after.createdAt,
        afterId: after.id,
      });
    }
    const rows = await query.orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC').limit(limit).getMany();
    return rows.map(referralFromEntity);
  }

  async changesAfter(
    visibility: ReferralVisibility,
    afterSeq: number,
    limit: number,
  ): Promise<ReferralChange[]> {
    const query = this.db
      .createQueryBuilder(ReferralHistoryOrmEntity, 'h')
      .innerJoinAndSelect('h.referral', 'r')
      .where('h.position > :afterSeq', { afterSeq });
    visibleTo(query, visibility);
    const rows = await query.orderBy('h.position', 'ASC').limit(limit).getMany();
    return rows.map((row) => ({
      entry: historyFromEntity(row),
      referral: referralFromEntity(row.referral!),
    }));
  }

  async lastSeq(): Promise<number> {
    const row = await this.db
      .createQueryBuilder(ReferralHistoryOrmEntity, 'h')
      .select('max(h.position)', 'seq')
      .getRawOne<{ seq: string | null }>();
    return Number(row?.seq ?? 0);
  }

  async overdueUnflagged(now: Date, limit: number): Promise<string[]> {
    const rows = await this.referrals()
      .select('r.id')
      .where('r.deadlineBreachedAt IS NULL')
      .andWhere(OVERDUE, { overdueAt: now })
      .orderBy('r.dueAt', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((row) => row.id);
  }

  async submittedBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows = await this.referrals()
      .select('r.id')
      .where(`r.direction = 'upward'`)
      .andWhere('r.status IN (:...expirable)', { expirable: EXPIRABLE_UPWARD_STATES })
      .andWhere('r.submittedAt <= :cutoff', { cutoff })
      .orderBy('r.submittedAt', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((row) => row.id);
  }

  async statusCounts(): Promise<ReferralStatusCount[]> {
    const rows = await this.referrals()
      .select('r.groupId', 'groupId')
      .addSelect('r.direction', 'direction')
      .addSelect('r.status', 'status')
      .addSelect('count(*)', 'count')
      .groupBy('r.groupId')
      .addGroupBy('r.direction')
      .addGroupBy('r.status')
      .getRawMany<{ groupId: string; direction: ReferralDirection; status: ReferralStatus; count: string }>();
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  async monthlyFigures(
    visibility: ReferralVisibility,
    filter: ReferralStatisticsFilter,
  ): Promise<ReferralMonthFigures[]> {
    const month = `to_char(r.created_at AT TIME ZONE '${CLINIC_TIME_ZONE}', 'YYYY-MM')`;
    const query = this.referrals()
      .select(month, 'month')
      .addSelect('r.groupId', 'groupId')
      .addSelect('r.direction', 'direction')
      .addSelect('count(*)', 'referrals')
      .addSelect(
        `count(*) FILTER (WHERE r.dueAt IS NOT NULL AND r.deadlineBreachedAt IS NULL AND r.status IN (${inList(HANDLED_STATES)}))`,
        'handledInTime',
      )
      .addSelect('count(*) FILTER (WHERE r.deadlineBreachedAt IS NOT NULL)', 'breached')
      .addSelect(`count(*) FILTER (WHERE r.status = 'declined')`, 'declined')
      .addSelect(`count(*) FILTER (WHERE r.greenChannel <> 'none')`, 'greenChannel')
      .where(`r.status <> 'draft'`)
      .andWhere('r.createdAt >= :createdFrom AND r.createdAt < :createdBefore', {
        createdFrom: filter.createdFrom,
        createdBefore: filter.createdBefore,
      });
    visibleTo(query, visibility);
    if (filter.groupId) query.andWhere('r.groupId = :group', { group: filter.groupId });
    if (filter.institutionId) {
      query.andWhere(
        new Brackets((either) =>
          either
            .where('r.referringInstitutionId = :institution')
            .orWhere('r.receivingInstitutionId = :institution'),
        ),
        { institution: filter.institutionId },
      );
    }
    const rows = await query
      .groupBy(month)
      .addGroupBy('r.groupId')
      .addGroupBy('r.direction')
      .orderBy(month)
      .addOrderBy('r.groupId')
      .addOrderBy('r.direction', 'DESC')
      .getRawMany<Record<keyof ReferralMonthFigures, string>>();
    return rows.map((row) => ({
      month: row.month,
      groupId: row.groupId,
      direction: row.direction as ReferralDirection,
      referrals: Number(row.referrals),
      handledInTime: Number(row.handledInTime),
      breached: Number(row.breached),
      declined: Number(row.declined),
      greenChannel: Number(row.greenChannel),
    }));
  }

  async overdueCounts(now: Date): Promise<Map<string, number>> {
    const rows = await this.referrals()
      .select('r.groupId', 'groupId')
      .addSelect('count(*)', 'count')
      .where(OVERDUE, { overdueAt: now })
      .groupBy('r.groupId')
      .getRawMany<{ groupId: string; count: string }>();
    return new Map(rows.map((row) => [row.groupId, Number(row.count)]));
  }

  private async appendHistory(entries: ReferralHistoryEntry[]): Promise<ReferralHistoryEntry[]> {
    if (entries.length === 0) return [];
    // The entries' positions are handed out when this transaction commits, in commit order (the table's
    // deferred trigger), so a watcher that has read position n never later meets a smaller one; until then
    // they have none (0).
    await this.db
      .createQueryBuilder()
      .insert()
      .into(ReferralHistoryOrmEntity)
      .values(entries.map(historyToEntity))
      .updateEntity(false)
      .execute();
    return entries.map((entry) => ({ ...entry, seq: 0 }));
  }
}
