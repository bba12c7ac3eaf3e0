import { Injectable } from '@nestjs/common';
import { lockForTransaction, queryNamed, UnitOfWork } from '@medgrid/database';
import { type EntityManager, IsNull } from 'typeorm';
import { ScheduleError, ScheduleErrorCode } from '../../domain/schedule-error';
import { type AvailabilityQuery, ScheduleRepository } from '../../domain/schedule.repository';
import { type ScheduleTemplateSnapshot } from '../../domain/schedule-template';
import { type PoolCounts } from '../../domain/session-capacity';
import { type SessionSnapshot, type SessionView } from '../../domain/session';
import { ClinicSessionOrmEntity } from './clinic-session.orm-entity';
import { scheduleTemplateFromEntity, scheduleTemplateToEntity } from './schedule-template.mapper';
import { ScheduleTemplateOrmEntity } from './schedule-template.orm-entity';
import { SeatOrmEntity } from './seat.orm-entity';
import { newSessionToEntity, sessionChangeToEntity, sessionFromEntity } from './session.mapper';
import { readSessionViews, sessionViewQuery } from './session-view.mapper';

const LOCKED = { lock: { mode: 'pessimistic_write' as const } };

/** clinic_session, seat and schedule_template; joins the current UnitOfWork transaction. */
@Injectable()
export class ScheduleTypeormRepository extends ScheduleRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  async insertTemplate(template: ScheduleTemplateSnapshot): Promise<void> {
    await this.db.insert(ScheduleTemplateOrmEntity, scheduleTemplateToEntity(template));
  }

  async findTemplate(id: string): Promise<ScheduleTemplateSnapshot | null> {
    const row = await this.db.findOneBy(ScheduleTemplateOrmEntity, { id });
    return row ? scheduleTemplateFromEntity(row) : null;
  }

  async listTemplates(institutionId: string): Promise<ScheduleTemplateSnapshot[]> {
    const rows = await this.db.find(ScheduleTemplateOrmEntity, {
      where: { institutionId },
      order: { weekday: 'ASC', startTime: 'ASC', id: 'ASC' },
    });
    return rows.map(scheduleTemplateFromEntity);
  }

  async insertSessionIfAbsent(session: SessionSnapshot): Promise<boolean> {
    // ON CONFLICT ON CONSTRAINT … DO NOTHING: the template already planned a session that date
    // (perhaps since moved away from it), so this one is not made, and the transaction goes on.
    const inserted = await this.db
      .createQueryBuilder()
      .insert()
      .into(ClinicSessionOrmEntity)
      .values(newSessionToEntity(session))
      .orUpdate([], 'clinic_session_template_planned_date_uq')
      .returning('id')
      .updateEntity(false)
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return false;
    // Every seat in one statement: the first reservedOffered are the reserved pool.
    await queryNamed(
      this.db,
      `INSERT INTO seat (session_id, slot_number, pool)
       SELECT :sessionId, n, CASE WHEN n <= :reserved THEN 'reserved' ELSE 'public' END
         FROM generate_series(1, :capacity) AS n`,
      { sessionId: session.id, reserved: session.reservedOffered, capacity: session.capacity },
    );
    return true;
  }

  async findSession(id: string, lock: boolean): Promise<SessionSnapshot | null> {
    const row = await this.db.findOne(ClinicSessionOrmEntity, { where: { id }, ...(lock ? LOCKED : {}) });
    return row ? sessionFromEntity(row) : null;
  }

  async viewSession(id: string): Promise<SessionView | null> {
    const [view] = await readSessionViews(sessionViewQuery(this.db).where('s.id = :id', { id }));
    return view ?? null;
  }

  async searchAvailability(q: AvailabilityQuery): Promise<SessionView[]> {
    const query = sessionViewQuery(this.db)
      .where('s.institutionId = :institutionId', { institutionId: q.institutionId })
      .andWhere(`s.status = 'open'`)
      .andWhere('s.date BETWEEN :fromDate AND :toDate', { fromDate: q.fromDate, toDate: q.toDate })
      .andWhere('s.endsAt > :now', { now: q.now });
    // Compared as text: the filter is the caller's string, which need not be a uuid.
    if (q.departmentId)
      query.andWhere('CAST(s.departmentId AS text) = :departmentId', { departmentId: q.departmentId });
    if (q.practitionerId)
      query.andWhere('s.practitionerId = :practitionerId', { practitionerId: q.practitionerId });
    if (q.specialtyCode) {
      // A specialty also finds its sub-specialties ('03' finds '03.04').
      query.andWhere(`(s.specialtyCode = :specialty OR s.specialtyCode LIKE :specialty || '.%')`, {
        specialty: q.specialtyCode,
      });
    }
    if (q.after) {
      query.andWhere('(s.startsAt, s.id) > (:afterStartsAt, :afterId::uuid)', {
        afterStartsAt: q.after.startsAt,
        afterId: q.after.id,
      });
    }
    // A session shows while it has a free seat in the pool asked for (in either without one).
    query.andWhere(
      `EXISTS (SELECT 1 FROM seat f WHERE f.session_id = s.id AND f.booking_id IS NULL` +
        (q.pool ? ` AND f.pool = :pool)` : ')'),
      q.pool ? { pool: q.pool } : {},
    );
    return readSessionViews(query.orderBy('s.startsAt', 'ASC').addOrderBy('s.id', 'ASC').limit(q.limit));
  }

  async saveSession(session: SessionSnapshot, readVersion: number): Promise<void> {
    const { affected } = await this.db.update(
      ClinicSessionOrmEntity,
      { id: session.id, version: readVersion },
      sessionChangeToEntity(session),
    );
    if (affected !== 1) {
      throw new ScheduleError(
        ScheduleErrorCode.VersionConflict,
        `the session ${session.id} changed since it was read at version ${readVersion}; read it again`,
      );
    }
  }

  async lockSessionsBetween(
    institutionId: string,
    practitionerId: string,
    from: string,
    to: string,
  ): Promise<SessionSnapshot[]> {
    const query = this.db
      .createQueryBuilder(ClinicSessionOrmEntity, 's')
      .where('s.institutionId = :institutionId', { institutionId })
      .andWhere(`s.status = 'open'`)
      .andWhere('s.date BETWEEN :from AND :to', { from, to });
    if (practitionerId) query.andWhere('s.practitionerId = :practitionerId', { practitionerId });
    const rows = await query
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map(sessionFromEntity);
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
    const query = this.db
      .createQueryBuilder(ClinicSessionOrmEntity, 's')
      .where('s.institutionId = :institutionId', { institutionId: q.institutionId })
      .andWhere('s.practitionerId = :practitionerId', { practitionerId: q.practitionerId })
      .andWhere(`s.status = 'open'`)
      .andWhere('s.id <> :exceptId', { exceptId: q.exceptId })
      .andWhere('s.date BETWEEN CAST(:onDate AS date) - 1 AND CAST(:onDate AS date) + 1', { onDate: q.date })
      .andWhere('s.startsAt < :endsAt AND s.endsAt > :startsAt', { startsAt: q.startsAt, endsAt: q.endsAt });
    if (q.exceptPlanned) {
      query.andWhere(
        '(s.templateId IS DISTINCT FROM :exceptTemplateId OR s.plannedDate <> :exceptPlannedDate)',
        {
          exceptTemplateId: q.exceptPlanned.templateId,
          exceptPlannedDate: q.exceptPlanned.date,
        },
      );
    }
    const rows = await query.orderBy('s.startsAt', 'ASC').addOrderBy('s.id', 'ASC').getMany();
    return rows.map(sessionFromEntity);
  }

  async lockSeats(sessionId: string): Promise<PoolCounts> {
    const seats = await this.db.find(SeatOrmEntity, {
      select: { sessionId: true, slotNumber: true, pool: true, bookingId: true },
      where: { sessionId },
      order: { slotNumber: 'ASC' },
      ...LOCKED,
    });
    const count = (pool: string, taken: boolean) =>
      seats.filter((s) => s.pool === pool && (s.bookingId !== null) === taken).length;
    return {
      reserved: count('reserved', true) + count('reserved', false),
      public: count('public', true) + count('public', false),
      takenReserved: count('reserved', true),
      takenPublic: count('public', true),
    };
  }

  async dropSeats(sessionId: string): Promise<string[]> {
    const deleted = await this.db
      .createQueryBuilder()
      .delete()
      .from(SeatOrmEntity)
      .where('session_id = :sessionId', { sessionId })
      .returning('booking_id')
      .execute();
    return (deleted.raw as { booking_id: string | null }[]).flatMap((row) =>
      row.booking_id ? [row.booking_id] : [],
    );
  }

  async setReleaseLead(sessionIds: readonly string[], leadHours: number): Promise<void> {
    // The release time follows each session's own start, so it is computed by the statement.
    await this.db
      .createQueryBuilder()
      .update(ClinicSessionOrmEntity)
      .set({
        releaseLeadHours: leadHours,
        releaseDueAt: () => 'starts_at - make_interval(hours => :leadHours)',
        version: () => 'version + 1',
      })
      .where('id = ANY(:sessionIds)', { sessionIds: [...sessionIds] })
      .setParameter('leadHours', leadHours)
      .execute();
  }

  async resizeSeats(sessionId: string, split: { reserved: number; public: number }): Promise<void> {
    // Free seats are dropped and made again on the lowest numbers the taken ones leave, so a shrunk
    // session's numbers stay within its capacity as far as its bookings allow; taken seats keep theirs.
    await this.db.delete(SeatOrmEntity, { sessionId, bookingId: IsNull() });
    // The figures are cast: PostgreSQL cannot choose an operator for two untyped parameters.
    await queryNamed(
      this.db,
      `WITH taken AS (
         SELECT count(*) FILTER (WHERE pool = 'reserved')::int AS reserved, count(*)::int AS seats
           FROM seat WHERE session_id = :sessionId),
       free AS (
         SELECT n FROM taken, generate_series(1, :reservedSeats::int + :publicSeats::int + taken.seats) AS n
          WHERE NOT EXISTS (SELECT 1 FROM seat WHERE session_id = :sessionId AND slot_number = n)
          ORDER BY n LIMIT (SELECT :reservedSeats::int + :publicSeats::int - seats FROM taken))
       INSERT INTO seat (session_id, slot_number, pool)
       SELECT :sessionId, free.n,
              CASE WHEN row_number() OVER (ORDER BY free.n) <= :reservedSeats::int - taken.reserved
                   THEN 'reserved' ELSE 'public' END
         FROM free, taken`,
      { sessionId, reservedSeats: split.reserved, publicSeats: split.public },
    );
  }

  async earliestOpenSession(q: {
    institutionId: string;
    departmentId: string;
    specialtyCode: string;
    toDate: string;
    now: Date;
  }): Promise<string | null> {
    const query = this.db
      .createQueryBuilder(ClinicSessionOrmEntity, 's')
      .select('s.id')
      .where('s.institutionId = :institutionId', { institutionId: q.institutionId })
      .andWhere(`s.status = 'open'`)
      .andWhere('s.startsAt > :now', { now: q.now })
      .andWhere('s.date <= :toDate', { toDate: q.toDate });
    if (q.departmentId)
      query.andWhere('CAST(s.departmentId AS text) = :departmentId', { departmentId: q.departmentId });
    if (q.specialtyCode) {
      query.andWhere(`(s.specialtyCode = :specialty OR s.specialtyCode LIKE :specialty || '.%')`, {
        specialty: q.specialtyCode,
      });
    }
    const row = await query.orderBy('s.startsAt', 'ASC').addOrderBy('s.id', 'ASC').limit(1).getOne();
    return row?.id ?? null;
  }

  async freePublicSeats(sessionId: string): Promise<{ slotNumber: number; pool: 'public' }[]> {
    // SKIP LOCKED: a seat a claim in flight holds is not free for the waitlist.
    const rows = await this.db
      .createQueryBuilder(SeatOrmEntity, 'seat')
      .select(['seat.sessionId', 'seat.slotNumber'])
      .where('seat.sessionId = :sessionId', { sessionId })
      .andWhere(`seat.pool = 'public'`)
      .andWhere('seat.bookingId IS NULL')
      .orderBy('seat.slotNumber', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows.map((row) => ({ slotNumber: row.slotNumber, pool: 'public' }));
  }

  async releaseDueReserve(now: Date, limit: number): Promise<{ sessionId: string; released: number }[]> {
    // One statement. SKIP LOCKED: a session being booked or changed is released on the next sweep.
    const rows = await queryNamed<{ session_id: string; released: string }>(
      this.db,
      `WITH due AS (
         SELECT id FROM clinic_session
          WHERE status = 'open' AND release_due_at <= :now AND ends_at > :now
            AND EXISTS (SELECT 1 FROM seat WHERE session_id = clinic_session.id AND pool = 'reserved'
                          AND booking_id IS NULL)
          ORDER BY release_due_at LIMIT :limit FOR UPDATE SKIP LOCKED),
       moved AS (
         UPDATE seat SET pool = 'public'
          WHERE session_id IN (SELECT id FROM due) AND pool = 'reserved' AND booking_id IS NULL
            AND (session_id, slot_number) IN (
              SELECT session_id, slot_number FROM seat WHERE session_id IN (SELECT id FROM due)
                 AND pool = 'reserved' AND booking_id IS NULL FOR UPDATE SKIP LOCKED)
          RETURNING session_id)
       SELECT session_id, count(*) AS released FROM moved GROUP BY session_id`,
      { now, limit },
    );
    return rows.map((row) => ({ sessionId: row.session_id, released: Number(row.released) }));
  }
}
