import { setTimeout as sleep } from 'node:timers/promises';
import { type UnitOfWork } from '@medgrid/database';
import { type DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { SchedulingTestDatabase } from '../../../test/scheduling-test-database';
import { clinicInstant } from '../../domain/clinic-time';
import { type AvailabilityQuery } from '../../domain/schedule.repository';
import { type ScheduleTemplateSnapshot } from '../../domain/schedule-template';
import { type SessionSnapshot, type SessionView } from '../../domain/session';
import { aTemplate } from '../../test/schedule-template.factory';
import { aSession, onDate } from '../../test/session.factory';
import { ScheduleTypeormRepository } from './schedule.typeorm-repository';

const NOW = new Date('2027-02-27T00:00:00Z');
const HOUR = 3_600_000;

/** A hospital of its own per test, so tests share the database and nothing else. */
function aHospital() {
  const hospital = { institutionId: uuidv7(), groupId: uuidv7(), departmentId: uuidv7() };
  const session = (date: string, overrides: Partial<SessionSnapshot> = {}): SessionSnapshot =>
    aSession({
      ...hospital,
      specialtyCode: '03.04',
      practitionerId: 'dr-wang',
      ...onDate(date),
      ...overrides,
    });
  const template = (overrides: Partial<ScheduleTemplateSnapshot> = {}): ScheduleTemplateSnapshot =>
    aTemplate({ ...hospital, practitionerId: 'dr-wang', validFrom: '2027-03-01', ...overrides });
  const availability = (overrides: Partial<AvailabilityQuery> = {}): AvailabilityQuery => ({
    institutionId: hospital.institutionId,
    departmentId: '',
    practitionerId: '',
    specialtyCode: '',
    fromDate: '2027-03-01',
    toDate: '2027-03-31',
    pool: null,
    after: null,
    limit: 50,
    now: NOW,
    ...overrides,
  });
  return { ...hospital, session, template, availability };
}

describe(ScheduleTypeormRepository.name, () => {
  let db: SchedulingTestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let sut: ScheduleTypeormRepository;

  beforeAll(async () => {
    db = await SchedulingTestDatabase.create('schedule_repository', 12);
    ({ dataSource, uow } = db);
    sut = new ScheduleTypeormRepository(uow);
  });

  afterAll(async () => {
    await db?.close();
  });

  const insert = (session: SessionSnapshot) => uow.run(() => sut.insertSessionIfAbsent(session));
  const seats = (sessionId: string) =>
    dataSource.query<{ slot_number: number; pool: string; booking_id: string | null }[]>(
      `SELECT slot_number, pool, booking_id FROM seat WHERE session_id = $1 ORDER BY slot_number`,
      [sessionId],
    );
  /** Gives the seat to a booking, as a claim does. */
  const take = async (sessionId: string, slotNumber: number, bookingId = uuidv7()) => {
    await dataSource.query(`UPDATE seat SET booking_id = $3 WHERE session_id = $1 AND slot_number = $2`, [
      sessionId,
      slotNumber,
      bookingId,
    ]);
    return bookingId;
  };
  const releaseDueAt = async (id: string) =>
    (
      await dataSource.query<{ release_due_at: Date }[]>(
        `SELECT release_due_at FROM clinic_session WHERE id = $1`,
        [id],
      )
    )[0]!.release_due_at;
  const view = (session: SessionSnapshot, freeReserved: number, freePublic: number): SessionView => ({
    ...session,
    freeReserved,
    freePublic,
  });

  describe('templates', () => {
    it('stores a template and reads back every field, an open end as empty', async () => {
      const h = aHospital();
      const open = h.template();
      const bounded = h.template({ validUntil: '2027-06-30', practitionerId: '' });

      await uow.run(() => sut.insertTemplate(open));
      await uow.run(() => sut.insertTemplate(bounded));

      expect(await sut.findTemplate(open.id)).toEqual(open);
      expect(await sut.findTemplate(bounded.id)).toEqual(bounded);
      expect(await sut.findTemplate(uuidv7())).toBeNull();
    });

    it('lists a hospital’s templates by weekday and start', async () => {
      const h = aHospital();
      const friday = h.template({ weekday: 5, startTime: '08:00' });
      const mondayAfternoon = h.template({ weekday: 1, startTime: '13:30', endTime: '17:00' });
      const mondayMorning = h.template({ weekday: 1, startTime: '08:00' });
      for (const template of [friday, mondayAfternoon, mondayMorning])
        await uow.run(() => sut.insertTemplate(template));
      await uow.run(() => sut.insertTemplate(aHospital().template()));

      expect(await sut.listTemplates(h.institutionId)).toEqual([mondayMorning, mondayAfternoon, friday]);
    });
  });

  describe('sessions', () => {
    it('stores a session with its seats, the first ones reserved, and reads it back', async () => {
      const h = aHospital();
      const session = h.session('2027-03-01', { capacity: 5, reservedOffered: 2 });

      expect(await insert(session)).toBe(true);

      expect(await sut.findSession(session.id, false)).toEqual(session);
      expect(await sut.viewSession(session.id)).toEqual(view(session, 2, 3));
      expect((await seats(session.id)).map((seat) => seat.pool)).toEqual([
        'reserved',
        'reserved',
        'public',
        'public',
        'public',
      ]);
      expect(await releaseDueAt(session.id)).toEqual(new Date(session.startsAt.getTime() - 48 * HOUR));
      expect(await sut.findSession(uuidv7(), false)).toBeNull();
      expect(await sut.viewSession(uuidv7())).toBeNull();
    });

    it('makes no second session of a template on a date it planned, even after a move, and the transaction goes on', async () => {
      const h = aHospital();
      const session = h.session('2027-03-01');
      await insert(session);
      const moved: SessionSnapshot = {
        ...session,
        date: '2027-03-02',
        startsAt: clinicInstant('2027-03-02', '14:00'),
        endsAt: clinicInstant('2027-03-02', '17:00'),
        version: 2,
      };
      await uow.run(() => sut.saveSession(moved, session.version));
      const again = h.session('2027-03-01', { templateId: session.templateId });

      const answer = await uow.run(async () => ({
        inserted: await sut.insertSessionIfAbsent(again),
        after: await sut.findSession(session.id, true),
      }));

      expect(answer).toEqual({ inserted: false, after: moved });
      expect(await sut.findSession(again.id, false)).toBeNull();
      expect(await seats(again.id)).toEqual([]);
      expect(await insert(h.session('2027-03-02', { templateId: session.templateId }))).toBe(true);
    });

    it('stores a session’s step: its release follows its new start, its planned date stays', async () => {
      const h = aHospital();
      const session = h.session('2027-03-01');
      await insert(session);
      const changed: SessionSnapshot = {
        ...session,
        date: '2027-03-03',
        startsAt: clinicInstant('2027-03-03', '09:00'),
        endsAt: clinicInstant('2027-03-03', '11:00'),
        status: 'cancelled',
        capacity: 4,
        reservedOffered: 1,
        reservedReleased: 1,
        changeReason: '医生外出',
        version: 2,
      };

      await uow.run(() => sut.saveSession(changed, session.version));

      expect(await sut.findSession(session.id, false)).toEqual(changed);
      expect(await releaseDueAt(session.id)).toEqual(new Date(changed.startsAt.getTime() - 48 * HOUR));
      expect(
        await dataSource.query(
          `SELECT to_char(planned_date, 'YYYY-MM-DD') AS planned FROM clinic_session WHERE id = $1`,
          [session.id],
        ),
      ).toEqual([{ planned: '2027-03-01' }]);
    });

    it('refuses a step on a session that changed since it was read (VERSION_CONFLICT), and keeps the other step', async () => {
      const session = aHospital().session('2027-03-01');
      await insert(session);
      const resized: SessionSnapshot = {
        ...session,
        capacity: session.capacity + 2,
        version: session.version + 1,
      };
      await uow.run(() => sut.saveSession(resized, session.version));

      const stale: SessionSnapshot = {
        ...session,
        status: 'cancelled',
        changeReason: '读取于扩容之前',
        version: session.version + 1,
      };

      await expect(uow.run(() => sut.saveSession(stale, session.version))).rejects.toMatchObject({
        code: 'VERSION_CONFLICT',
        category: 'conflict',
      });
      expect(await sut.findSession(session.id, false)).toEqual(resized);
    });

    it('searches a hospital’s open sessions with free seats by department, doctor, specialty, dates and pool, a page at a time', async () => {
      const h = aHospital();
      const other = uuidv7();
      const a = h.session('2027-03-01', { specialtyCode: '03.04' });
      const b = h.session('2027-03-02', { practitionerId: 'dr-li', specialtyCode: '03' });
      const c = h.session('2027-03-03', { departmentId: other, specialtyCode: '03.10' });
      const reservedFull = h.session('2027-03-04', { specialtyCode: '05' });
      const full = h.session('2027-03-05', { capacity: 1, reservedOffered: 0 });
      const cancelled = h.session('2027-03-06', { status: 'cancelled' });
      const ended = h.session('2027-02-26', {
        startsAt: new Date(NOW.getTime() - 3 * HOUR),
        endsAt: new Date(NOW.getTime() - HOUR),
      });
      const later = h.session('2027-04-01');
      for (const session of [a, b, c, reservedFull, full, cancelled, ended, later]) await insert(session);
      await insert(aHospital().session('2027-03-01'));
      await take(reservedFull.id, 1);
      await take(reservedFull.id, 2);
      await take(full.id, 1);
      const ids = async (query: AvailabilityQuery) =>
        (await sut.searchAvailability(query)).map((found) => found.id);

      expect(await sut.searchAvailability(h.availability())).toEqual([
        view(a, 2, 4),
        view(b, 2, 4),
        view(c, 2, 4),
        view(reservedFull, 0, 4),
      ]);
      expect(await ids(h.availability({ pool: 'reserved' }))).toEqual([a.id, b.id, c.id]);
      expect(await ids(h.availability({ pool: 'public' }))).toEqual([a.id, b.id, c.id, reservedFull.id]);
      expect(await ids(h.availability({ departmentId: other }))).toEqual([c.id]);
      expect(await ids(h.availability({ departmentId: 'not-a-uuid' }))).toEqual([]);
      expect(await ids(h.availability({ practitionerId: 'dr-li' }))).toEqual([b.id]);
      expect(await ids(h.availability({ specialtyCode: '03' }))).toEqual([a.id, b.id, c.id]);
      expect(await ids(h.availability({ specialtyCode: '03.04' }))).toEqual([a.id]);
      expect(await ids(h.availability({ fromDate: '2027-03-02', toDate: '2027-03-03' }))).toEqual([
        b.id,
        c.id,
      ]);
      expect(await ids(h.availability({ fromDate: '2027-02-26', toDate: '2027-04-30' }))).toEqual([
        a.id,
        b.id,
        c.id,
        reservedFull.id,
        later.id,
      ]);
      expect(await ids(h.availability({ limit: 2 }))).toEqual([a.id, b.id]);
      expect(await ids(h.availability({ limit: 2, after: { startsAt: b.startsAt, id: b.id } }))).toEqual([
        c.id,
        reservedFull.id,
      ]);
    });

    it('locks a hospital’s open sessions between two dates, of one doctor or all', async () => {
      const h = aHospital();
      const first = h.session('2027-03-01');
      const second = h.session('2027-03-02', { practitionerId: 'dr-li' });
      const outside = h.session('2027-03-05');
      const cancelled = h.session('2027-03-02', { status: 'cancelled' });
      for (const session of [second, first, outside, cancelled]) await insert(session);

      expect(
        await uow.run(() => sut.lockSessionsBetween(h.institutionId, '', '2027-03-01', '2027-03-03')),
      ).toEqual([first, second]);
      expect(
        await uow.run(() => sut.lockSessionsBetween(h.institutionId, 'dr-li', '2027-03-01', '2027-03-03')),
      ).toEqual([second]);

      const order: string[] = [];
      const holder = db.holdOpen(() =>
        sut.lockSessionsBetween(h.institutionId, 'dr-li', '2027-03-02', '2027-03-02'),
      );
      await holder.ready;
      const waiter = uow.run(async () => {
        await sut.findSession(second.id, true);
        order.push('second locker');
      });
      await sleep(200);
      order.push('released');
      holder.release();
      await Promise.all([holder.done, waiter]);
      expect(order).toEqual(['released', 'second locker']);
    });

    it('finds a doctor’s open sessions overlapping a band, but not the one moved or the one its template planned', async () => {
      const h = aHospital();
      const morning = h.session('2027-03-02');
      const lateEvening = h.session('2027-03-01', {
        startsAt: clinicInstant('2027-03-01', '22:00'),
        endsAt: clinicInstant('2027-03-01', '23:59'),
      });
      const afternoon = h.session('2027-03-02', {
        startsAt: clinicInstant('2027-03-02', '13:00'),
        endsAt: clinicInstant('2027-03-02', '17:00'),
      });
      const otherDoctor = h.session('2027-03-02', { practitionerId: 'dr-li' });
      const cancelled = h.session('2027-03-02', { status: 'cancelled' });
      for (const session of [morning, lateEvening, afternoon, otherDoctor, cancelled]) await insert(session);
      const band = {
        institutionId: h.institutionId,
        practitionerId: 'dr-wang',
        date: '2027-03-02',
        startsAt: clinicInstant('2027-03-01', '23:00'),
        endsAt: clinicInstant('2027-03-02', '14:00'),
        exceptId: uuidv7(),
      };

      expect(await uow.run(() => sut.lockDoctorOverlaps(band))).toEqual([lateEvening, morning, afternoon]);
      expect(await uow.run(() => sut.lockDoctorOverlaps({ ...band, exceptId: morning.id }))).toEqual([
        lateEvening,
        afternoon,
      ]);
      expect(
        await uow.run(() =>
          sut.lockDoctorOverlaps({
            ...band,
            exceptPlanned: { templateId: afternoon.templateId!, date: '2027-03-02' },
          }),
        ),
      ).toEqual([lateEvening, morning]);
    });

    it('makes a second look at one doctor’s sessions wait until the first transaction ends, not another doctor’s', async () => {
      const h = aHospital();
      const band = {
        institutionId: h.institutionId,
        practitionerId: 'dr-wang',
        date: '2027-03-02',
        startsAt: clinicInstant('2027-03-02', '08:00'),
        endsAt: clinicInstant('2027-03-02', '12:00'),
        exceptId: uuidv7(),
      };
      const order: string[] = [];
      const first = db.holdOpen(() => sut.lockDoctorOverlaps(band));
      await first.ready;
      const second = uow.run(async () => {
        await sut.lockDoctorOverlaps(band);
        order.push('same doctor');
      });
      await uow.run(async () => {
        await sut.lockDoctorOverlaps({ ...band, practitionerId: 'dr-li' });
        order.push('other doctor');
      });
      await sleep(200);
      order.push('released');
      first.release();
      await Promise.all([first.done, second]);

      expect(order).toEqual(['other doctor', 'released', 'same doctor']);
    });
  });

  describe('seats', () => {
    it('counts a session’s seats per pool, waiting for a claim in flight', async () => {
      const h = aHospital();
      const session = h.session('2027-03-01', { capacity: 6, reservedOffered: 2 });
      await insert(session);
      await take(session.id, 1);
      const order: string[] = [];
      const claim = db.holdOpen(async () => {
        await uow
          .manager()
          .query(`UPDATE seat SET booking_id = $2 WHERE session_id = $1 AND slot_number = 4`, [
            session.id,
            uuidv7(),
          ]);
        order.push('claimed');
      });
      await claim.ready;

      const counting = uow.run(async () => {
        const counts = await sut.lockSeats(session.id);
        order.push('counted');
        return counts;
      });
      await sleep(200);
      order.push('claim committed');
      claim.release();
      await claim.done;

      expect(await counting).toEqual({ reserved: 2, public: 4, takenReserved: 1, takenPublic: 1 });
      expect(order).toEqual(['claimed', 'claim committed', 'counted']);
    });

    it('drops every seat of a session, answering the bookings that held one', async () => {
      const h = aHospital();
      const session = h.session('2027-03-01');
      await insert(session);
      const first = await take(session.id, 1);
      const second = await take(session.id, 5);

      const bookings = await uow.run(() => sut.dropSeats(session.id));

      expect(bookings.sort()).toEqual([first, second].sort());
      expect(await seats(session.id)).toEqual([]);
      expect(await uow.run(() => sut.dropSeats(session.id))).toEqual([]);
    });

    it('grows and shrinks a session around its taken seats, free seats on the lowest numbers left', async () => {
      const h = aHospital();
      const session = h.session('2027-03-01', { capacity: 6, reservedOffered: 2 });
      await insert(session);
      const reservedTaken = await take(session.id, 2);
      const publicTaken = await take(session.id, 6);

      await uow.run(() => sut.resizeSeats(session.id, { reserved: 3, public: 5 }));
      expect(await seats(session.id)).toEqual([
        { slot_number: 1, pool: 'reserved', booking_id: null },
        { slot_number: 2, pool: 'reserved', booking_id: reservedTaken },
        { slot_number: 3, pool: 'reserved', booking_id: null },
        { slot_number: 4, pool: 'public', booking_id: null },
        { slot_number: 5, pool: 'public', booking_id: null },
        { slot_number: 6, pool: 'public', booking_id: publicTaken },
        { slot_number: 7, pool: 'public', booking_id: null },
        { slot_number: 8, pool: 'public', booking_id: null },
      ]);

      await uow.run(() => sut.resizeSeats(session.id, { reserved: 1, public: 2 }));
      expect(await seats(session.id)).toEqual([
        { slot_number: 1, pool: 'public', booking_id: null },
        { slot_number: 2, pool: 'reserved', booking_id: reservedTaken },
        { slot_number: 6, pool: 'public', booking_id: publicTaken },
      ]);
    });

    it('answers a session’s free public seats, leaving out those a claim in flight holds', async () => {
      const h = aHospital();
      const session = h.session('2027-03-01', { capacity: 6, reservedOffered: 2 });
      await insert(session);
      await take(session.id, 3);
      const claim = db.holdOpen(() =>
        uow
          .manager()
          .query(`SELECT 1 FROM seat WHERE session_id = $1 AND slot_number = 5 FOR UPDATE`, [session.id]),
      );
      await claim.ready;

      const free = await uow.run(() => sut.freePublicSeats(session.id));
      claim.release();
      await claim.done;

      expect(free).toEqual([
        { slotNumber: 4, pool: 'public' },
        { slotNumber: 6, pool: 'public' },
      ]);
      expect(await uow.run(() => sut.freePublicSeats(session.id))).toHaveLength(3);
    });
  });

  describe('release of the reserve', () => {
    it('moves the release of the given sessions with their lead time and counts it in their version', async () => {
      const h = aHospital();
      const moved = h.session('2027-03-01');
      const kept = h.session('2027-03-02');
      await insert(moved);
      await insert(kept);

      await uow.run(() => sut.setReleaseLead([moved.id], 6));
      await uow.run(() => sut.setReleaseLead([], 6));

      expect(await sut.findSession(moved.id, false)).toEqual({ ...moved, releaseLeadHours: 6, version: 2 });
      expect(await releaseDueAt(moved.id)).toEqual(new Date(moved.startsAt.getTime() - 6 * HOUR));
      expect(await sut.findSession(kept.id, false)).toEqual(kept);
    });

    it('releases the free reserved seats of the sessions due, per session, in order of due time and up to the limit', async () => {
      const h = aHospital();
      const now = clinicInstant('2027-03-10', '12:00');
      const due = (date: string, time: string, overrides: Partial<SessionSnapshot> = {}) =>
        h.session(date, {
          startsAt: clinicInstant(date, time),
          endsAt: new Date(clinicInstant(date, time).getTime() + 4 * HOUR),
          releaseLeadHours: 24,
          capacity: 6,
          reservedOffered: 3,
          ...overrides,
        });
      const first = due('2027-03-11', '08:00');
      const second = due('2027-03-11', '09:00');
      const third = due('2027-03-11', '10:00');
      const notDue = due('2027-03-12', '08:00');
      const ended = due('2027-03-10', '06:00', { endsAt: clinicInstant('2027-03-10', '11:00') });
      const cancelled = due('2027-03-11', '07:00', { status: 'cancelled' });
      for (const session of [third, first, second, notDue, ended, cancelled]) await insert(session);
      await take(first.id, 1);

      const released = await uow.run(() => sut.releaseDueReserve(now, 2));

      expect(released.sort((a, b) => a.sessionId.localeCompare(b.sessionId))).toEqual(
        [
          { sessionId: first.id, released: 2 },
          { sessionId: second.id, released: 3 },
        ].sort((a, b) => a.sessionId.localeCompare(b.sessionId)),
      );
      expect((await seats(first.id)).map((seat) => seat.pool)).toEqual([
        'reserved',
        'public',
        'public',
        'public',
        'public',
        'public',
      ]);
      expect(await uow.run(() => sut.releaseDueReserve(now, 10))).toEqual([
        { sessionId: third.id, released: 3 },
      ]);
      expect(await uow.run(() => sut.releaseDueReserve(now, 10))).toEqual([]);
      for (const untouched of [notDue, ended, cancelled]) {
        expect(await sut.viewSession(untouched.id)).toMatchObject({ freeReserved: 3 });
      }
    });

    it('leaves a session being changed, and a reserved seat being claimed, to the next sweep', async () => {
      const h = aHospital();
      const now = clinicInstant('2027-03-10', '12:00');
      const session = (time: string) =>
        h.session('2027-03-11', {
          startsAt: clinicInstant('2027-03-11', time),
          endsAt: clinicInstant('2027-03-11', '18:00'),
          releaseLeadHours: 24,
          capacity: 4,
          reservedOffered: 3,
        });
      const changing = session('08:00');
      const claiming = session('09:00');
      await insert(changing);
      await insert(claiming);
      const change = db.holdOpen(() => sut.findSession(changing.id, true));
      const claim = db.holdOpen(() =>
        uow
          .manager()
          .query(`SELECT 1 FROM seat WHERE session_id = $1 AND slot_number = 1 FOR UPDATE`, [claiming.id]),
      );
      await Promise.all([change.ready, claim.ready]);

      const released = await uow.run(() => sut.releaseDueReserve(now, 10));
      change.release();
      claim.release();
      await Promise.all([change.done, claim.done]);

      expect(released).toEqual([{ sessionId: claiming.id, released: 2 }]);
      expect((await seats(claiming.id)).map((seat) => seat.pool)).toEqual([
        'reserved',
        'public',
        'public',
        'public',
      ]);
      expect(await uow.run(() => sut.releaseDueReserve(now, 10))).toEqual(
        expect.arrayContaining([
          { sessionId: changing.id, released: 3 },
          { sessionId: claiming.id, released: 1 },
        ]),
      );
    });
  });

  describe('waitlist search', () => {
    it('finds the earliest open session of a hospital for a department or specialty up to a date', async () => {
      const h = aHospital();
      const other = uuidv7();
      const started = h.session('2027-02-26', {
        startsAt: new Date(NOW.getTime() - HOUR),
        endsAt: new Date(NOW.getTime() + HOUR),
      });
      const early = h.session('2027-03-01', { specialtyCode: '03.04' });
      const later = h.session('2027-03-02', { departmentId: other, specialtyCode: '05' });
      const cancelled = h.session('2027-02-28', { status: 'cancelled' });
      for (const session of [later, early, started, cancelled]) await insert(session);
      const earliest = (q: { departmentId?: string; specialtyCode?: string; toDate?: string }) =>
        sut.earliestOpenSession({
          institutionId: h.institutionId,
          departmentId: q.departmentId ?? '',
          specialtyCode: q.specialtyCode ?? '',
          toDate: q.toDate ?? '2027-03-31',
          now: NOW,
        });

      expect(await earliest({})).toBe(early.id);
      expect(await earliest({ departmentId: other })).toBe(later.id);
      expect(await earliest({ specialtyCode: '03' })).toBe(early.id);
      expect(await earliest({ specialtyCode: '05' })).toBe(later.id);
      expect(await earliest({ specialtyCode: '07' })).toBeNull();
      expect(await earliest({ toDate: '2027-02-28' })).toBeNull();
    });
  });
});
