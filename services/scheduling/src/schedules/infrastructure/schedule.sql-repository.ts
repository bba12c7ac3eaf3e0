import { Injectable } from '@nestjs/common';
import { changedRows, lockForTransaction, UnitOfWork } from '@medgrid/database';
import { type ReservePolicySnapshot } from '../../capacity/domain/reserve-policy';
import { type AvailabilityQuery, ScheduleRepository } from '../domain/schedule.repository';
import { type ScheduleTemplateSnapshot } from '../domain/schedule-template';
import { type PoolCounts } from '../domain/session-capacity';
import { type SessionSnapshot, type SessionView } from '../domain/session';
import { FREE_COUNTS, SESSION_COLUMNS, type SessionRow, toSession, toView } from './session.sql';

interface TemplateRow {
  id: string;
  institution_id: string;
  group_id: string;
  department_id: string;
  specialty_code: string;
  practitioner_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  capacity: number;
  valid_from: string;
  valid_until: string | null;
}

const TEMPLATE_COLUMNS = `id, institution_id, group_id, department_id, specialty_code, practitioner_id, weekday,
  start_time, end_time, capacity, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(valid_until, 'YYYY-MM-DD') AS valid_until`;

function toTemplate(row: TemplateRow): ScheduleTemplateSnapshot {
  return {
    id: row.id,
    institutionId: row.institution_id,
    groupId: row.group_id,
    departmentId: row.department_id,
    specialtyCode: row.specialty_code,
    practitionerId: row.practitioner_id,
    weekday: row.weekday,
    startTime: row.start_time,
    endTime: row.end_time,
    capacity: row.capacity,
    validFrom: row.valid_from,
    validUntil: row.valid_until ?? '',
  };
}

/** clinic_session, seat, schedule_template and reserve_policy. */
@Injectable()
export class ScheduleSqlRepository extends ScheduleRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db() {
    return this.uow.manager();
  }

  async findPolicy(institutionId: string, lock: boolean): Promise<ReservePolicySnapshot | null> {
    const [row] = await this.db.query<
      {
        institution_id: string;
        group_id: string;
        slot_numerator: number;
        slot_denominator: number;
        bed_numerator: number;
        bed_denominator: number;
        release_lead_hours: number;
        override_reason: string;
        override_by: string;
        slot_override: boolean;
        bed_override: boolean;
        version: number;
        updated_at: Date;
      }[]
    >(`SELECT * FROM reserve_policy WHERE institution_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [institutionId]);
    return row
      ? {
          institutionId: row.institution_id,
          groupId: row.group_id,
          slotRatio: { numerator: row.slot_numerator, denominator: row.slot_denominator },
          bedRatio: { numerator: row.bed_numerator, denominator: row.bed_denominator },
          releaseLeadHours: row.release_lead_hours,
          overrideReason: row.override_reason,
          overrideBy: row.override_by,
          slotOverride: row.slot_override,
          bedOverride: row.bed_override,
          version: row.version,
          updatedAt: row.updated_at,
        }
      : null;
  }

  async savePolicy(p: ReservePolicySnapshot): Promise<void> {
    await this.db.query(
      `INSERT INTO reserve_policy (institution_id, group_id, slot_numerator, slot_denominator, bed_numerator,
         bed_denominator, release_lead_hours, override_reason, override_by, version, updated_at, slot_override,
         bed_override)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (institution_id) DO UPDATE SET group_id = excluded.group_id,
         slot_numerator = excluded.slot_numerator, slot_denominator = excluded.slot_denominator,
         bed_numerator = excluded.bed_numerator, bed_denominator = excluded.bed_denominator,
         release_lead_hours = excluded.release_lead_hours, override_reason = excluded.override_reason,
         override_by = excluded.override_by, version = excluded.version, updated_at = excluded.updated_at,
         slot_override = excluded.slot_override, bed_override = excluded.bed_override`,
      [
        p.institutionId,
        p.groupId,
        p.slotRatio.numerator,
        p.slotRatio.denominator,
        p.bedRatio.numerator,
        p.bedRatio.denominator,
        p.releaseLeadHours,
        p.overrideReason,
        p.overrideBy,
        p.version,
        p.updatedAt,
        p.slotOverride,
        p.bedOverride,
      ],
    );
  }

  async insertTemplate(t: ScheduleTemplateSnapshot): Promise<void> {
    await this.db.query(
      `INSERT INTO schedule_template (id, institution_id, group_id, department_id, specialty_code, practitioner_id,
         weekday, start_time, end_time, capacity, valid_from, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        t.id,
        t.institutionId,
        t.groupId,
        t.departmentId,
        t.specialtyCode,
        t.practitionerId,
        t.weekday,
        t.startTime,
        t.endTime,
        t.capacity,
        t.validFrom,
        t.validUntil || null,
      ],
    );
  }

  async findTemplate(id: string): Promise<ScheduleTemplateSnapshot | null> {
    const [row] = await this.db.query<TemplateRow[]>(
      `SELECT ${TEMPLATE_COLUMNS} FROM schedule_template WHERE id = $1`,
      [id],
    );
    return row ? toTemplate(row) : null;
  }

  async listTemplates(institutionId: string): Promise<ScheduleTemplateSnapshot[]> {
    const rows = await this.db.query<TemplateRow[]>(
      `SELECT ${TEMPLATE_COLUMNS} FROM schedule_template WHERE institution_id = $1
        ORDER BY weekday, start_time, id`,
      [institutionId],
    );
    return rows.map(toTemplate);
  }

  async insertSessionIfAbsent(s: SessionSnapshot): Promise<boolean> {
    const inserted = await this.db.query<{ id: string }[]>(
      `INSERT INTO clinic_session (id, institution_id, group_id, department_id, specialty_code, practitioner_id,
         template_id, date, planned_date, starts_at, ends_at, status, capacity, reserved_offered,
         reserved_released, release_lead_hours, release_due_at, change_reason, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, $13, $14, $15,
               $9::timestamptz - make_interval(hours => $15), $16, $17)
       ON CONFLICT ON CONSTRAINT clinic_session_template_planned_date_uq DO NOTHING
       RETURNING id`,
      [
        s.id,
        s.institutionId,
        s.groupId,
        s.departmentId,
        s.specialtyCode,
        s.practitionerId,
        s.templateId,
        s.date,
        s.startsAt,
        s.endsAt,
        s.status,
        s.capacity,
        s.reservedOffered,
        s.reservedReleased,
        s.releaseLeadHours,
        s.changeReason,
        s.version,
      ],
    );
    if (inserted.length === 0) return false;
    await this.db.query(
      `INSERT INTO seat (session_id, slot_number, pool)
       SELECT $1, n, CASE WHEN n <= $2 THEN 'reserved' ELSE 'public' END FROM generate_series(1, $3) AS n`,
      [s.id, s.reservedOffered, s.capacity],
    );
    return true;
  }

  async findSession(id: string, lock: boolean): Promise<SessionSnapshot | null> {
    const [row] = await this.db.query<SessionRow[]>(
      `SELECT ${SESSION_COLUMNS} FROM clinic_session s WHERE s.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ? toSession(row) : null;
  }

  async viewSession(id: string): Promise<SessionView | null> {
    const [row] = await this.db.query<SessionRow[]>(
      `SELECT ${SESSION_COLUMNS}, ${FREE_COUNTS} FROM clinic_session s WHERE s.id = $1`,
      [id],
    );
    return row ? toView(row) : null;
  }

  async searchAvailability(q: AvailabilityQuery): Promise<SessionView[]> {
    const rows = await this.db.query<SessionRow[]>(
      `SELECT * FROM (
         SELECT ${SESSION_COLUMNS}, ${FREE_COUNTS} FROM clinic_session s
          WHERE s.institution_id = $1 AND s.status = 'open' AND s.date BETWEEN $2 AND $3 AND s.ends_at > $4
            AND ($5 = '' OR s.department_id::text = $5)
            AND ($6 = '' OR s.practitioner_id = $6)
            AND ($7 = '' OR s.specialty_code = $7 OR s.specialty_code LIKE $7 || '.%')
            AND ($8::timestamptz IS NULL OR (s.starts_at, s.id) > ($8::timestamptz, $9::uuid))
       ) v
       WHERE CASE $10 WHEN 'reserved' THEN free_reserved > 0 WHEN 'public' THEN free_public > 0
                      ELSE free_reserved + free_public > 0 END
       ORDER BY starts_at, id LIMIT $11`,
      [
        q.institutionId,
        q.fromDate,
        q.toDate,
        q.now,
        q.departmentId,
        q.practitionerId,
        q.specialtyCode,
        q.after?.startsAt ?? null,
        q.after?.id ?? null,
        q.pool ?? '',
        q.limit,
      ],
    );
    return rows.map(toView);
  }

  async saveSession(s: SessionSnapshot): Promise<void> {
    await this.db.query(
      `UPDATE clinic_session SET date = $2, starts_at = $3, ends_at = $4, status = $5, capacity = $6,
         reserved_offered = $7, reserved_released = $8, change_reason = $9, version = $10,
         release_due_at = $3::timestamptz - make_interval(hours => release_lead_hours)
       WHERE id = $1`,
      [
        s.id,
        s.date,
        s.startsAt,
        s.endsAt,
        s.status,
        s.capacity,
        s.reservedOffered,
        s.reservedReleased,
        s.changeReason,
        s.version,
      ],
    );
  }

  async lockSessionsBetween(
    institutionId: string,
    practitionerId: string,
    from: string,
    to: string,
  ): Promise<SessionSnapshot[]> {
    const rows = await this.db.query<SessionRow[]>(
      `SELECT ${SESSION_COLUMNS} FROM clinic_session s
        WHERE s.institution_id = $1 AND s.status = 'open' AND s.date BETWEEN $2 AND $3
          AND ($4 = '' OR s.practitioner_id = $4)
        ORDER BY s.starts_at, s.id FOR UPDATE`,
      [institutionId, from, to, practitionerId],
    );
    return rows.map(toSession);
  }

  async lockDoctorOverlaps(q: {
    institutionId: string;
    practitionerId: string;
    date: string;
    startsAt: Date;
    endsAt: Date;
    exceptId: string;
    exceptPlanned?: { templateId: string; date: string };
  }): Promise<SessionSnapshot[]> {
    // No row stands for "the doctor's diary", so an advisory lock serialises the check-then-move.
    await lockForTransaction(this.db, `doctor-sessions:${q.institutionId}:${q.practitionerId}`);
    // A session lies within one local day, so only the neighbouring dates can overlap; the date
    // bound lets the (institution_id, date) index find them.
    const rows = await this.db.query<SessionRow[]>(
      `SELECT ${SESSION_COLUMNS} FROM clinic_session s
        WHERE s.institution_id = $1 AND s.practitioner_id = $2 AND s.status = 'open' AND s.id <> $3
          AND s.date BETWEEN $4::date - 1 AND $4::date + 1
          AND s.starts_at < $6 AND s.ends_at > $5
          AND NOT ($7::uuid IS NOT NULL AND s.template_id = $7::uuid AND s.planned_date = $8::date)
        ORDER BY s.starts_at, s.id`,
      [
        q.institutionId,
        q.practitionerId,
        q.exceptId,
        q.date,
        q.startsAt,
        q.endsAt,
        q.exceptPlanned?.templateId ?? null,
        q.exceptPlanned?.date ?? null,
      ],
    );
    return rows.map(toSession);
  }

  async lockSeats(sessionId: string): Promise<PoolCounts> {
    const seats = await this.db.query<{ pool: string; booking_id: string | null }[]>(
      `SELECT pool, booking_id FROM seat WHERE session_id = $1 ORDER BY slot_number FOR UPDATE`,
      [sessionId],
    );
    const count = (pool: string, taken: boolean) =>
      seats.filter((s) => s.pool === pool && (s.booking_id !== null) === taken).length;
    return {
      reserved: count('reserved', true) + count('reserved', false),
      public: count('public', true) + count('public', false),
      takenReserved: count('reserved', true),
      takenPublic: count('public', true),
    };
  }

  async dropSeats(sessionId: string): Promise<string[]> {
    const rows = await changedRows<{ booking_id: string | null }>(
      this.db,
      `DELETE FROM seat WHERE session_id = $1 RETURNING booking_id`,
      [sessionId],
    );
    return rows.flatMap((row) => (row.booking_id ? [row.booking_id] : []));
  }

  async setReleaseLead(sessionIds: readonly string[], leadHours: number): Promise<void> {
    await this.db.query(
      `UPDATE clinic_session SET release_lead_hours = $2,
         release_due_at = starts_at - make_interval(hours => $2), version = version + 1
       WHERE id = ANY($1::uuid[])`,
      [sessionIds, leadHours],
    );
  }

  async resizeSeats(sessionId: string, split: { reserved: number; public: number }): Promise<void> {
    // Free seats are dropped and made again on the lowest numbers the taken ones leave, so a shrunk
    // session's numbers stay within its capacity as far as its bookings allow; taken seats keep theirs.
    await this.db.query(`DELETE FROM seat WHERE session_id = $1 AND booking_id IS NULL`, [sessionId]);
    // The figures are cast: PostgreSQL cannot choose an operator for two untyped parameters.
    await this.db.query(
      `WITH taken AS (
         SELECT count(*) FILTER (WHERE pool = 'reserved')::int AS reserved, count(*)::int AS seats
           FROM seat WHERE session_id = $1),
       free AS (
         SELECT n FROM taken, generate_series(1, $2::int + $3::int + taken.seats) AS n
          WHERE NOT EXISTS (SELECT 1 FROM seat WHERE session_id = $1 AND slot_number = n)
          ORDER BY n LIMIT (SELECT $2::int + $3::int - seats FROM taken))
       INSERT INTO seat (session_id, slot_number, pool)
       SELECT $1, free.n,
              CASE WHEN row_number() OVER (ORDER BY free.n) <= $2::int - taken.reserved THEN 'reserved'
                   ELSE 'public' END
         FROM free, taken`,
      [sessionId, split.reserved, split.public],
    );
  }

  async earliestOpenSession(q: {
    institutionId: string;
    departmentId: string;
    specialtyCode: string;
    toDate: string;
    now: Date;
  }): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }[]>(
      `SELECT id FROM clinic_session
        WHERE institution_id = $1 AND status = 'open' AND starts_at > $2 AND date <= $3
          AND ($4 = '' OR department_id::text = $4)
          AND ($5 = '' OR specialty_code = $5 OR specialty_code LIKE $5 || '.%')
        ORDER BY starts_at, id LIMIT 1`,
      [q.institutionId, q.now, q.toDate, q.departmentId, q.specialtyCode],
    );
    return row?.id ?? null;
  }

  async freePublicSeats(sessionId: string): Promise<{ slotNumber: number; pool: 'public' }[]> {
    const rows = await this.db.query<{ slot_number: number }[]>(
      `SELECT slot_number FROM seat WHERE session_id = $1 AND pool = 'public' AND booking_id IS NULL
        ORDER BY slot_number FOR UPDATE SKIP LOCKED`,
      [sessionId],
    );
    return rows.map((row) => ({ slotNumber: row.slot_number, pool: 'public' }));
  }

  async releaseDueReserve(now: Date, limit: number): Promise<{ sessionId: string; released: number }[]> {
    // SKIP LOCKED: a session being booked or changed is released on the next sweep.
    const rows = await this.db.query<{ session_id: string; released: string }[]>(
      `WITH due AS (
         SELECT id FROM clinic_session
          WHERE status = 'open' AND release_due_at <= $1 AND ends_at > $1
            AND EXISTS (SELECT 1 FROM seat WHERE session_id = clinic_session.id AND pool = 'reserved'
                          AND booking_id IS NULL)
          ORDER BY release_due_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       moved AS (
         UPDATE seat SET pool = 'public'
          WHERE session_id IN (SELECT id FROM due) AND pool = 'reserved' AND booking_id IS NULL
            AND (session_id, slot_number) IN (
              SELECT session_id, slot_number FROM seat WHERE session_id IN (SELECT id FROM due)
                 AND pool = 'reserved' AND booking_id IS NULL FOR UPDATE SKIP LOCKED)
          RETURNING session_id)
       SELECT session_id, count(*) AS released FROM moved GROUP BY session_id`,
      [now, limit],
    );
    return rows.map((row) => ({ sessionId: row.session_id, released: Number(row.released) }));
  }
}
