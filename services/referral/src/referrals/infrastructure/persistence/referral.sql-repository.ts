import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { Referral, type ReferralSnapshot } from '../../domain/referral';
import { type ReferralDirection } from '../../domain/referral-direction';
import { type ReferralHistoryEntry } from '../../domain/referral-history';
import {
  type ReferralChange,
  type ReferralCursor,
  type ReferralFilter,
  ReferralRepository,
  type ReferralStatusCount,
  type ReferralVisibility,
} from '../../domain/referral.repository';
import {
  EXPIRABLE_UPWARD_STATES,
  OPEN_UPWARD_STATES,
  type ReferralStatus,
} from '../../domain/referral-status';

interface ReferralRow {
  id: string;
  group_id: string;
  client_request_id: string;
  patient_resident_id: string;
  referring_institution_id: string;
  receiving_institution_id: string | null;
  receiving_department_id: string;
  specialty_code: string;
  direction: ReferralSnapshot['direction'];
  status: ReferralStatus;
  icd10_code: string;
  reason: string;
  indication_codes: string[];
  matched_indication_codes: string[];
  without_indication: boolean;
  justification: string;
  green_channel: ReferralSnapshot['greenChannel'];
  contracted_priority: boolean;
  results: ReferralSnapshot['results'];
  treatment_plan: ReferralSnapshot['treatmentPlan'];
  met_criteria_codes: string[];
  upward_referral_id: string;
  due_at: Date | null;
  deadline_breached_at: Date | null;
  slot: ReferralSnapshot['slot'];
  submitted_at: Date | null;
  accepted_at: Date | null;
  arrived_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  outcome_reason: string;
  follow_up_count: number;
  version: number;
}

interface HistoryRow {
  seq: string;
  referral_id: string;
  action: ReferralHistoryEntry['action'];
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
  actor_subject: string;
  actor_institution_id: string | null;
  actor_role: string;
  occurred_at: Date;
  note: string;
  client_request_id: string | null;
}

const COLUMN_LIST = [
  'id',
  'group_id',
  'client_request_id',
  'patient_resident_id',
  'referring_institution_id',
  'receiving_institution_id',
  'receiving_department_id',
  'specialty_code',
  'direction',
  'status',
  'icd10_code',
  'reason',
  'indication_codes',
  'matched_indication_codes',
  'without_indication',
  'justification',
  'green_channel',
  'contracted_priority',
  'results',
  'treatment_plan',
  'met_criteria_codes',
  'upward_referral_id',
  'due_at',
  'deadline_breached_at',
  'slot',
  'submitted_at',
  'accepted_at',
  'arrived_at',
  'closed_at',
  'created_at',
  'updated_at',
  'outcome_reason',
  'follow_up_count',
  'version',
];
const COLUMNS = COLUMN_LIST.join(', ');
const R_COLUMNS = COLUMN_LIST.map((column) => `r.${column}`).join(', ');

/**
 * An upward referral that still owes its visit (OPEN_UPWARD_STATES) and is past
 * its deadline, as of the instant in parameter $at. Spelled out, not
 * parameterised, so the planner can use the partial index referral_due_idx.
 */
const overdueAt = (at: string, alias = '') =>
  `${alias}direction = 'upward' AND ${alias}due_at < ${at}` +
  ` AND ${alias}status IN (${OPEN_UPWARD_STATES.map((s) => `'${s}'`).join(', ')})`;

const HISTORY_COLUMNS = `h.seq, h.referral_id, h.action, h.from_status, h.to_status, h.actor_subject,
  h.actor_institution_id, h.actor_role, h.occurred_at, h.note, h.client_request_id`;

function toSnapshot(r: ReferralRow): ReferralSnapshot {
  return {
    id: r.id,
    groupId: r.group_id,
    clientRequestId: r.client_request_id,
    patientResidentId: r.patient_resident_id,
    referringInstitutionId: r.referring_institution_id,
    receivingInstitutionId: r.receiving_institution_id ?? '',
    receivingDepartmentId: r.receiving_department_id,
    specialtyCode: r.specialty_code,
    direction: r.direction,
    status: r.status,
    icd10Code: r.icd10_code,
    reason: r.reason,
    indicationCodes: r.indication_codes,
    matchedIndicationCodes: r.matched_indication_codes,
    withoutIndication: r.without_indication,
    justification: r.justification,
    greenChannel: r.green_channel,
    contractedPriority: r.contracted_priority,
    results: r.results,
    treatmentPlan: r.treatment_plan,
    metCriteriaCodes: r.met_criteria_codes,
    upwardReferralId: r.upward_referral_id,
    dueAt: r.due_at,
    deadlineBreachedAt: r.deadline_breached_at,
    slot: r.slot,
    submittedAt: r.submitted_at,
    acceptedAt: r.accepted_at,
    arrivedAt: r.arrived_at,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    outcomeReason: r.outcome_reason,
    followUpCount: r.follow_up_count,
    version: r.version,
  };
}

function toEntry(r: HistoryRow): ReferralHistoryEntry {
  return {
    seq: Number(r.seq),
    referralId: r.referral_id,
    action: r.action,
    from: r.from_status,
    to: r.to_status,
    actor: { subject: r.actor_subject, institutionId: r.actor_institution_id, role: r.actor_role },
    occurredAt: r.occurred_at,
    note: r.note,
    clientRequestId: r.client_request_id,
  };
}

/** Every column, in COLUMN_LIST order, as statement parameters. */
function values(s: ReferralSnapshot): unknown[] {
  return [
    s.id,
    s.groupId,
    s.clientRequestId,
    s.patientResidentId,
    s.referringInstitutionId,
    s.receivingInstitutionId || null,
    s.receivingDepartmentId,
    s.specialtyCode,
    s.direction,
    s.status,
    s.icd10Code,
    s.reason,
    s.indicationCodes,
    s.matchedIndicationCodes,
    s.withoutIndication,
    s.justification,
    s.greenChannel,
    s.contractedPriority,
    JSON.stringify(s.results),
    s.treatmentPlan === null ? null : JSON.stringify(s.treatmentPlan),
    s.metCriteriaCodes,
    s.upwardReferralId,
    s.dueAt,
    s.deadlineBreachedAt,
    s.slot === null ? null : JSON.stringify(s.slot),
    s.submittedAt,
    s.acceptedAt,
    s.arrivedAt,
    s.closedAt,
    s.createdAt,
    s.updatedAt,
    s.outcomeReason,
    s.followUpCount,
    s.version,
  ];
}

/** A visibility as a condition on referral (alias r), its parameter numbered `at`. */
function visibleTo(visibility: ReferralVisibility, at: number): { sql: string; params: unknown[] } {
  switch (visibility.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'group':
      return { sql: `r.group_id = $${at}`, params: [visibility.groupId] };
    case 'institution':
      return {
        sql: `(r.referring_institution_id = $${at} OR r.receiving_institution_id = $${at})`,
        params: [visibility.institutionId],
      };
  }
}

/** The referral aggregate and its history in PostgreSQL; joins the current UnitOfWork transaction. */
@Injectable()
export class ReferralSqlRepository extends ReferralRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async insert(referral: Referral): Promise<ReferralHistoryEntry[]> {
    const params = values(referral.snapshot());
    await this.uow
      .manager()
      .query(
        `INSERT INTO referral (${COLUMNS}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')})`,
        params,
      );
    return this.appendHistory(referral);
  }

  async update(referral: Referral): Promise<ReferralHistoryEntry[]> {
    const assignments = COLUMN_LIST.slice(1).map((column, i) => `${column} = $${i + 2}`);
    await this.uow
      .manager()
      .query(`UPDATE referral SET ${assignments.join(', ')} WHERE id = $1`, values(referral.snapshot()));
    return this.appendHistory(referral);
  }

  async findById(id: string, forUpdate: boolean): Promise<Referral | null> {
    const [row] = await this.uow
      .manager()
      .query<ReferralRow[]>(
        `SELECT ${COLUMNS} FROM referral WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
        [id],
      );
    return row ? Referral.restore(toSnapshot(row)) : null;
  }

  async findByClientRequest(
    referringInstitutionId: string,
    clientRequestId: string,
  ): Promise<Referral | null> {
    // A retry racing its first attempt waits here, then finds the referral the first one made.
    await lockForTransaction(
      this.uow.transactionalManager(),
      `create-referral:${referringInstitutionId}:${clientRequestId}`,
    );
    const [row] = await this.uow
      .manager()
      .query<ReferralRow[]>(
        `SELECT ${COLUMNS} FROM referral WHERE referring_institution_id = $1 AND client_request_id = $2`,
        [referringInstitutionId, clientRequestId],
      );
    return row ? Referral.restore(toSnapshot(row)) : null;
  }

  async entryOfRequest(referralId: string, clientRequestId: string): Promise<ReferralHistoryEntry | null> {
    const [row] = await this.uow
      .manager()
      .query<HistoryRow[]>(
        `SELECT ${HISTORY_COLUMNS} FROM referral_history h WHERE h.referral_id = $1 AND h.client_request_id = $2`,
        [referralId, clientRequestId],
      );
    return row ? toEntry(row) : null;
  }

  async history(referralId: string): Promise<ReferralHistoryEntry[]> {
    const rows = await this.uow
      .manager()
      .query<HistoryRow[]>(
        `SELECT ${HISTORY_COLUMNS} FROM referral_history h WHERE h.referral_id = $1 ORDER BY h.seq`,
        [referralId],
      );
    return rows.map(toEntry);
  }

  async list(
    visibility: ReferralVisibility,
    filter: ReferralFilter,
    after: ReferralCursor | null,
    limit: number,
  ): Promise<ReferralSnapshot[]> {
    const visible = visibleTo(visibility, 1);
    const params: unknown[] = [...visible.params];
    const where: string[] = [visible.sql];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.institutionId) {
      const narrowed = visibleTo(
        { kind: 'institution', institutionId: filter.institutionId },
        params.length + 1,
      );
      params.push(...narrowed.params);
      where.push(narrowed.sql);
    }
    if (filter.patientResidentId) where.push(`r.patient_resident_id = ${param(filter.patientResidentId)}`);
    if (filter.status) where.push(`r.status = ${param(filter.status)}`);
    if (filter.direction) where.push(`r.direction = ${param(filter.direction)}`);
    if (filter.createdFrom) where.push(`r.created_at >= ${param(filter.createdFrom)}`);
    if (filter.createdTo) where.push(`r.created_at < ${param(filter.createdTo)}`);
    if (filter.overdueAt) {
      where.push(overdueAt(param(filter.overdueAt), 'r.'));
    }
    if (after) where.push(`(r.created_at, r.id) < (${param(after.createdAt)}, ${param(after.id)}::uuid)`);
    const rows = await this.uow.manager().query<ReferralRow[]>(
      `SELECT ${R_COLUMNS} FROM referral r WHERE ${where.join(' AND ')}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${param(limit)}`,
      params,
    );
    return rows.map(toSnapshot);
  }

  async changesAfter(
    visibility: ReferralVisibility,
    afterSeq: number,
    limit: number,
  ): Promise<ReferralChange[]> {
    const visible = visibleTo(visibility, 3);
    const entries = (
      await this.uow.manager().query<HistoryRow[]>(
        `SELECT ${HISTORY_COLUMNS} FROM referral_history h JOIN referral r ON r.id = h.referral_id
          WHERE h.seq > $1 AND ${visible.sql} ORDER BY h.seq LIMIT $2`,
        [afterSeq, limit, ...visible.params],
      )
    ).map(toEntry);
    if (entries.length === 0) return [];
    const referrals = await this.uow
      .manager()
      .query<ReferralRow[]>(`SELECT ${COLUMNS} FROM referral WHERE id = ANY($1::uuid[])`, [
        [...new Set(entries.map((entry) => entry.referralId))],
      ]);
    const byId = new Map(referrals.map((row) => [row.id, toSnapshot(row)]));
    return entries.map((entry) => ({ entry, referral: byId.get(entry.referralId)! }));
  }

  async lastSeq(): Promise<number> {
    const [row] = await this.uow
      .manager()
      .query<{ seq: string | null }[]>(`SELECT max(seq) AS seq FROM referral_history`);
    return Number(row?.seq ?? 0);
  }

  async overdueUnflagged(now: Date, limit: number): Promise<string[]> {
    const rows = await this.uow.manager().query<{ id: string }[]>(
      `SELECT id FROM referral
        WHERE deadline_breached_at IS NULL AND ${overdueAt('$1')}
        ORDER BY due_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  async submittedBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows = await this.uow.manager().query<{ id: string }[]>(
      `SELECT id FROM referral
        WHERE direction = 'upward' AND status = ANY($3::text[]) AND submitted_at <= $1
        ORDER BY submitted_at LIMIT $2`,
      [cutoff, limit, EXPIRABLE_UPWARD_STATES],
    );
    return rows.map((row) => row.id);
  }

  async statusCounts(): Promise<ReferralStatusCount[]> {
    const rows = await this.uow
      .manager()
      .query<{ group_id: string; direction: ReferralDirection; status: ReferralStatus; count: string }[]>(
        `SELECT group_id, direction, status, count(*) AS count FROM referral GROUP BY group_id, direction, status`,
      );
    return rows.map((row) => ({
      groupId: row.group_id,
      direction: row.direction,
      status: row.status,
      count: Number(row.count),
    }));
  }

  async overdueCounts(now: Date): Promise<Map<string, number>> {
    const rows = await this.uow
      .manager()
      .query<{ group_id: string; count: string }[]>(
        `SELECT group_id, count(*) AS count FROM referral WHERE ${overdueAt('$1')} GROUP BY group_id`,
        [now],
      );
    return new Map(rows.map((row) => [row.group_id, Number(row.count)]));
  }

  private async appendHistory(referral: Referral): Promise<ReferralHistoryEntry[]> {
    // History positions are handed out one writer at a time, so a watcher that has read position n
    // never later meets a smaller one committed behind it; referral traffic is a few thousand steps
    // a day, far from where that queue would show.
    await lockForTransaction(this.uow.transactionalManager(), 'referral-history');
    const stored: ReferralHistoryEntry[] = [];
    for (const entry of referral.pullHistory()) {
      const [row] = await this.uow.manager().query<{ seq: string }[]>(
        `INSERT INTO referral_history (referral_id, action, from_status, to_status, actor_subject,
           actor_institution_id, actor_role, occurred_at, note, client_request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq`,
        [
          entry.referralId,
          entry.action,
          entry.from,
          entry.to,
          entry.actor.subject,
          entry.actor.institutionId,
          entry.actor.role,
          entry.occurredAt,
          entry.note,
          entry.clientRequestId,
        ],
      );
      stored.push({ ...entry, seq: Number(row!.seq) });
    }
    return stored;
  }
}
