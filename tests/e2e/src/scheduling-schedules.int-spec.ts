import { status } from '@grpc/grpc-js';
import {
  type bookingServiceV1,
  schedulingEventsV1,
  schedulingModelV1,
  SessionChangedEvent,
  WaitlistChangedEvent,
} from '@medgrid/contracts';
import { v7 as uuidv7 } from 'uuid';
import { fails } from './grpc-call';
import { outboxEventCount, outboxEvents } from './outbox';
import { type GroupFixture, ratio, scheduleTemplate, shanghaiDate, slotClaim } from './scheduling-fixtures';
import { SchedulingHarness } from './scheduling-harness';

const { Pool, BookingStatus, WaitlistStatus } = schedulingModelV1;
const { SessionChange } = schedulingEventsV1;

/**
 * A hospital's schedule over gRPC against the real PostgreSQL: resizing a
 * session (its bookings stay, the reserve keeps the hospital's share), and the
 * changes announced on the session topic.
 */
describe('scheduling schedules', () => {
  const h = new SchedulingHarness();
  let group: GroupFixture;

  const claim = (sessionId: string, pool = Pool.POOL_PUBLIC) => slotClaim(sessionId, { pool });
  const book = (c: bookingServiceV1.SlotClaim, who = group.manager) => h.bookSlot(c, who);
  const getBooking = (bookingId: string) => h.getBooking(bookingId, group.manager);
  const getSession = (sessionId: string) => h.getSession(sessionId, group.manager);
  const resize = (sessionId: string, capacity: number, clientRequestId = uuidv7(), who = group.manager) =>
    h.setSessionCapacity(sessionId, capacity, who, clientRequestId);
  const sessionChanges = (sessionId: string) => outboxEvents(h.sql, sessionId, SessionChangedEvent);
  const seats = async (sessionId: string) =>
    (
      await h.sql.query<{ slot_number: number; pool: string; booking_id: string | null }>(
        `SELECT slot_number, pool, booking_id FROM seat WHERE session_id = $1 ORDER BY slot_number`,
        [sessionId],
      )
    ).rows;

  beforeAll(async () => {
    await h.start('e2e_scheduling_schedules');
    group = await h.newGroup();
  }, 240_000);

  afterAll(() => h.stop());

  describe('resizing a session (SetSessionCapacity)', () => {
    it('grows a session: its bookings keep their slots, the reserve keeps a third, and the resize is announced', async () => {
      const session = await h.newSession(group, { capacity: 6 }); // 2 reserved, 4 public
      const resident = await h.contractedResident(group);
      const reserved = await book(
        { ...claim(session.id, Pool.POOL_RESERVED), patientResidentId: resident },
        group.centre,
      );
      const taken = await book(claim(session.id));

      const resized = await resize(session.id, 12);

      expect(resized).toMatchObject({ capacity: 12, reservedOffered: 4, freeReserved: 3, freePublic: 7 });
      expect(resized.version).toBe(session.version + 1);
      expect(await getSession(session.id)).toEqual(resized);
      expect(await getBooking(reserved.id)).toMatchObject({
        status: BookingStatus.BOOKING_STATUS_BOOKED,
        slotNumber: reserved.slotNumber,
        pool: Pool.POOL_RESERVED,
      });
      expect(await getBooking(taken.id)).toMatchObject({
        status: BookingStatus.BOOKING_STATUS_BOOKED,
        slotNumber: taken.slotNumber,
      });
      const after = await seats(session.id);
      expect(after).toHaveLength(12);
      expect(new Set(after.map((s) => s.slot_number)).size).toBe(12);
      expect(after.filter((s) => s.pool === 'reserved')).toHaveLength(4);
      expect(after.filter((s) => s.booking_id !== null).map((s) => s.booking_id)).toEqual(
        expect.arrayContaining([reserved.id, taken.id]),
      );
      const changes = await sessionChanges(session.id);
      expect(changes.map((c) => c.change)).toEqual([
        SessionChange.SESSION_CHANGE_OPENED,
        SessionChange.SESSION_CHANGE_RESIZED,
      ]);
      expect(changes[1]!.session).toMatchObject({ capacity: 12, freeReserved: 3, freePublic: 7 });
    });

    it('shrinks a session down to its bookings, which stay, and the reserve still takes a third', async () => {
      const session = await h.newSession(group, { capacity: 12 }); // 4 reserved, 8 public
      const booked = [
        await book(claim(session.id)),
        await book(claim(session.id)),
        await book(claim(session.id)),
      ];

      const shrunk = await resize(session.id, 6);

      expect(shrunk).toMatchObject({ capacity: 6, reservedOffered: 2, freeReserved: 2, freePublic: 1 });
      for (const b of booked) {
        expect(await getBooking(b.id)).toMatchObject({
          status: BookingStatus.BOOKING_STATUS_BOOKED,
          slotNumber: b.slotNumber,
        });
      }
      // The free slots take the lowest numbers the bookings (5, 6, 7) leave.
      expect((await seats(session.id)).map((s) => [s.slot_number, s.pool, s.booking_id !== null])).toEqual([
        [1, 'reserved', false],
        [2, 'reserved', false],
        [3, 'public', false],
        [5, 'public', true],
        [6, 'public', true],
        [7, 'public', true],
      ]);
      for (const b of booked) {
        const { expectedAt } = await getBooking(b.id);
        expect(expectedAt!.getTime()).toBeGreaterThanOrEqual(session.startsAt!.getTime());
        expect(expectedAt!.getTime()).toBeLessThan(session.endsAt!.getTime());
      }

      const toBooked = await resize(session.id, 5); // 2 reserved, 3 public: every public slot taken

      expect(toBooked).toMatchObject({ capacity: 5, freeReserved: 2, freePublic: 0 });
    });

    it('answers a retry with the session as it is, and announces the resize once', async () => {
      const session = await h.newSession(group, { capacity: 6 });
      const clientRequestId = uuidv7();
      const first = await resize(session.id, 9, clientRequestId);

      const retry = await resize(session.id, 9, clientRequestId);

      expect(retry).toEqual(first);
      expect((await sessionChanges(session.id)).map((c) => c.change)).toEqual([
        SessionChange.SESSION_CHANGE_OPENED,
        SessionChange.SESSION_CHANGE_RESIZED,
      ]);
    });

    it('refuses to shrink below the slots booked, naming the capacity, and changes nothing', async () => {
      const session = await h.newSession(group, { capacity: 6 });
      await book(claim(session.id));
      await book(claim(session.id));
      await book(claim(session.id));
      const before = await getSession(session.id);

      const error = await fails(resize(session.id, 2));

      expect(error).toMatchObject({
        code: status.INVALID_ARGUMENT,
        reason: 'CAPACITY_BELOW_TAKEN',
        fieldViolations: [expect.objectContaining({ field: 'capacity' })],
      });
      expect(error.fieldViolations[0]!.description).toContain('3 slots');
      expect(await getSession(session.id)).toEqual(before);
      expect(await seats(session.id)).toHaveLength(6);
    });

    it('refuses a shrink that would leave the reserve below a third beside the public slots booked', async () => {
      const session = await h.newSession(group, { capacity: 6 }); // 2 reserved, 4 public
      for (let i = 0; i < 4; i++) await book(claim(session.id));
      const before = await getSession(session.id);

      // Five slots with four public ones booked would leave one reserved slot: less than a third of 5.
      const error = await fails(resize(session.id, 5));

      expect(error).toMatchObject({
        code: status.INVALID_ARGUMENT,
        reason: 'RESERVE_BELOW_RATIO',
        fieldViolations: [expect.objectContaining({ field: 'capacity' })],
      });
      expect(error.fieldViolations[0]!.description).toContain('at least 6');
      expect(await getSession(session.id)).toEqual(before);
    });

    it('splits by the hospital’s own reserve ratio', async () => {
      const other = await h.newGroup();
      await h.setReservePolicy(other, { slotRatio: ratio(1, 2), releaseLeadHours: 24 });
      const session = await h.newSession(other, { capacity: 4 }); // 2 reserved, 2 public

      const resized = await h.setSessionCapacity(session.id, 9, other.manager);

      expect(resized).toMatchObject({ capacity: 9, freeReserved: 5, freePublic: 4 });
    });

    it('offers a grown session’s new slots to its waitlist', async () => {
      const session = await h.newSession(group, { capacity: 3 }); // 1 reserved, 2 public
      await book(claim(session.id));
      await book(claim(session.id));
      const entry = await h.joinWaitlist(claim(session.id), group.manager);

      await resize(session.id, 6);

      const offered = await h.getWaitlistEntry(entry.id, group.manager);
      expect(offered).toMatchObject({ status: WaitlistStatus.WAITLIST_STATUS_OFFERED });
      expect(await getBooking(offered.bookingId)).toMatchObject({
        patientResidentId: entry.patientResidentId,
        status: BookingStatus.BOOKING_STATUS_HELD,
      });
    });

    it('refuses a resize by another hospital’s staff', async () => {
      const session = await h.newSession(group, { capacity: 6 });

      const error = await fails(resize(session.id, 9, uuidv7(), group.centre));

      expect(error).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(await getSession(session.id)).toEqual(session);
    });
  });

  describe('searching availability (SearchAvailability)', () => {
    // A group of its own, so no other test's sessions show in its searches.
    let g: GroupFixture;
    const doctor = uuidv7();
    const [d1, d2, d3] = [shanghaiDate(20), shanghaiDate(21), shanghaiDate(22)];
    let morning: schedulingModelV1.Session;
    let afternoon: schedulingModelV1.Session;
    let nextDay: schedulingModelV1.Session;
    let publicFull: schedulingModelV1.Session;
    let soldOut: schedulingModelV1.Session;
    const search = (
      request: Partial<bookingServiceV1.SearchAvailabilityRequest>,
      who: GroupFixture['manager'] = g.manager,
    ) =>
      h.call(
        h.booking,
        h.booking.searchAvailability,
        {
          institutionId: g.hospitalId,
          departmentId: '',
          practitionerId: '',
          fromDate: d1,
          toDate: d3,
          pool: Pool.POOL_UNSPECIFIED,
          specialtyCode: '',
          pageSize: 0,
          pageToken: '',
          ...request,
        },
        who,
      );
    const ids = (sessions: schedulingModelV1.Session[]) => sessions.map((s) => s.id);

    beforeAll(async () => {
      g = await h.newGroup('03.02');
      morning = await h.newSession(g, { capacity: 3, date: d1 });
      afternoon = await h.newSession(g, {
        capacity: 3,
        date: d1,
        startTime: '14:00',
        endTime: '17:00',
        practitionerId: doctor,
      });
      nextDay = await h.newSession(g, { capacity: 3, date: d2 });
      publicFull = await h.newSession(g, { capacity: 3, date: d2, startTime: '14:00', endTime: '17:00' });
      for (let i = 0; i < 2; i++) await book(claim(publicFull.id), g.manager);
      soldOut = await h.newSession(g, { capacity: 1, date: d2, startTime: '18:00', endTime: '20:00' });
      const resident = await h.contractedResident(g);
      await book({ ...claim(soldOut.id, Pool.POOL_RESERVED), patientResidentId: resident }, g.centre);
      const closed = await h.newSession(g, { capacity: 3, date: d3 });
      await h.cancelSessions(g, { fromDate: d3, toDate: d3, reason: '设备检修停诊' });
      expect(await h.getSession(closed.id, g.manager)).toMatchObject({
        status: schedulingModelV1.SessionStatus.SESSION_STATUS_CANCELLED,
      });
    }, 120_000);

    it('lists the open sessions with a free slot in the dates, by start time, with their free slots', async () => {
      const { sessions, nextPageToken } = await search({});

      expect(ids(sessions)).toEqual([morning.id, afternoon.id, nextDay.id, publicFull.id]);
      expect(sessions[3]).toMatchObject({ freeReserved: 1, freePublic: 0 });
      expect(nextPageToken).toBe('');
      expect(ids((await search({ fromDate: d2, toDate: d2 })).sessions)).toEqual([nextDay.id, publicFull.id]);
    });

    it('narrows by pool, doctor, department and specialty', async () => {
      expect(ids((await search({ pool: Pool.POOL_PUBLIC })).sessions)).toEqual([
        morning.id,
        afternoon.id,
        nextDay.id,
      ]);
      expect(ids((await search({ pool: Pool.POOL_RESERVED })).sessions)).toEqual([
        morning.id,
        afternoon.id,
        nextDay.id,
        publicFull.id,
      ]);
      expect(ids((await search({ practitionerId: doctor.toUpperCase() })).sessions)).toEqual([afternoon.id]);
      expect((await search({ departmentId: g.departmentId })).sessions).toHaveLength(4);
      expect((await search({ departmentId: uuidv7() })).sessions).toEqual([]);
      expect((await search({ specialtyCode: '03' })).sessions).toHaveLength(4);
      expect((await search({ specialtyCode: '03.02' })).sessions).toHaveLength(4);
      expect((await search({ specialtyCode: '03.0' })).sessions).toEqual([]);
    });

    it('pages by start time without repeating or skipping a session', async () => {
      const first = await search({ pageSize: 3 });
      const second = await search({ pageSize: 3, pageToken: first.nextPageToken });

      expect(ids(first.sessions)).toEqual([morning.id, afternoon.id, nextDay.id]);
      expect(ids(second.sessions)).toEqual([publicFull.id]);
      expect(second.nextPageToken).toBe('');
    });

    it('lets the group’s primary institutions search, and refuses another group', async () => {
      const other = await h.newGroup();

      expect((await search({}, g.centre)).sessions).toHaveLength(4);
      expect(await fails(search({}, other.centre))).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(await fails(search({}, other.manager))).toMatchObject({ code: status.PERMISSION_DENIED });
    });

    it('refuses another group even where the hospital has nothing to show, so an empty answer tells it nothing', async () => {
      const other = await h.newGroup();

      // No session so far ahead: the search finds none, so only a check made before it can refuse.
      const empty = { fromDate: shanghaiDate(400), toDate: shanghaiDate(401) };
      expect((await search(empty, g.centre)).sessions).toEqual([]);
      expect(await fails(search(empty, other.centre))).toMatchObject({ code: status.PERMISSION_DENIED });
    });

    it.each([
      ['dates in reverse order', { fromDate: '2026-12-02', toDate: '2026-12-01' }, 'toDate', 'BEFORE_START'],
      [
        'an end before today when the start is left empty',
        { fromDate: '', toDate: '2020-01-01' },
        'toDate',
        'BEFORE_START',
      ],
      ['a date that does not exist', { fromDate: '2026-02-30' }, 'fromDate', 'INVALID_FORMAT'],
      ['a page size above 200', { pageSize: 201 }, 'pageSize', 'OUT_OF_RANGE'],
      ['a page token from elsewhere', { pageToken: 'bm90LWEtdG9rZW4' }, 'pageToken', 'INVALID_FORMAT'],
    ] as const)('refuses %s, naming the field', async (_, request, field, reason) => {
      expect(await fails(search(request))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field, reason })],
      });
    });
  });

  describe('date ranges in reverse order', () => {
    it('are refused by GenerateSessions, CancelSessions and CreateScheduleTemplate, naming the end, and change nothing', async () => {
      const session = await h.newSession(group, { capacity: 4, date: shanghaiDate(30) });
      const [from, to] = [shanghaiDate(30), shanghaiDate(29)];
      const sessionsBefore = await h.count(
        `SELECT count(*) AS n FROM clinic_session WHERE institution_id = $1`,
        [group.hospitalId],
      );

      const generate = await fails(h.generateSessions(group, from, to));
      const cancel = await fails(
        h.cancelSessions(group, { fromDate: from, toDate: to, reason: '院内培训停诊' }),
      );
      const template = await fails(
        h.createTemplate(
          scheduleTemplate(group, { weekday: 1, capacity: 10, validFrom: from, validUntil: to }),
          group.manager,
        ),
      );

      for (const [error, field] of [
        [generate, 'toDate'],
        [cancel, 'toDate'],
        [template, 'template.validUntil'],
      ] as const) {
        expect(error).toMatchObject({
          code: status.INVALID_ARGUMENT,
          fieldViolations: [expect.objectContaining({ field, reason: 'BEFORE_START' })],
        });
      }
      expect(await getSession(session.id)).toEqual(session);
      expect(
        await h.count(`SELECT count(*) AS n FROM clinic_session WHERE institution_id = $1`, [
          group.hospitalId,
        ]),
      ).toBe(sessionsBefore);
    });
  });

  describe('schedule templates (CreateScheduleTemplate, ListScheduleTemplates)', () => {
    let g: GroupFixture;
    const template = (overrides: Partial<schedulingModelV1.ScheduleTemplate> = {}) =>
      scheduleTemplate(g, {
        weekday: 1,
        capacity: 20,
        validFrom: shanghaiDate(0),
        validUntil: '',
        ...overrides,
      });
    const create = (t: schedulingModelV1.ScheduleTemplate, who = g.manager) => h.createTemplate(t, who);
    const list = (who = g.manager, institutionId = g.hospitalId) =>
      h.call(h.schedule, h.schedule.listScheduleTemplates, { institutionId }, who).then((r) => r.templates);

    beforeAll(async () => {
      g = await h.newGroup('03.03');
    }, 120_000);

    it('lists the hospital’s templates by weekday and start time, as they were made', async () => {
      const thursday = await create(template({ weekday: 4, startTime: '14:00', endTime: '17:00' }));
      const monday = await create(
        template({ weekday: 1, practitionerId: uuidv7(), validUntil: shanghaiDate(90), capacity: 12 }),
      );
      const thursdayMorning = await create(template({ weekday: 4 }));

      const templates = await list();

      expect(templates).toEqual([monday, thursdayMorning, thursday]);
      expect(monday).toMatchObject({
        institutionId: g.hospitalId,
        groupId: g.groupId,
        departmentId: g.departmentId,
        specialtyCode: '03.03',
        capacity: 12,
        validUntil: shanghaiDate(90),
      });
      expect(await list(g.groupAdmin)).toEqual(templates);
    });

    it('shows the templates only to those who manage the hospital', async () => {
      const other = await h.newGroup();

      expect(await fails(list(g.centre))).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(await fails(list(other.manager))).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(await fails(list(g.manager, 'not-a-uuid'))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'institutionId' })],
      });
    });

    it('refuses a template whose validity ended before today in Asia/Shanghai, and stores nothing', async () => {
      const before = await list();

      const error = await fails(
        create(template({ validFrom: shanghaiDate(-30), validUntil: shanghaiDate(-1) })),
      );

      expect(error).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'template.validUntil', reason: 'IN_THE_PAST' })],
      });
      expect(await list()).toEqual(before);
    });

    it('takes a template that began in the past and ends today', async () => {
      const made = await create(
        template({ weekday: 7, validFrom: shanghaiDate(-30), validUntil: shanghaiDate(0) }),
      );

      expect(made).toMatchObject({ validFrom: shanghaiDate(-30), validUntil: shanghaiDate(0) });
    });
  });

  describe('leaving a waitlist (LeaveWaitlist)', () => {
    const join = (sessionId: string) => h.joinWaitlist(claim(sessionId), group.manager);
    const entryOf = (entryId: string, who = group.manager) => h.getWaitlistEntry(entryId, who);
    const leave = (entryId: string, clientRequestId = uuidv7(), who = group.manager) =>
      h.call(h.booking, h.booking.leaveWaitlist, { clientRequestId, entryId }, who).then((r) => r.entry!);
    const waitlistEvents = (entryId: string) => outboxEventCount(h.sql, entryId, WaitlistChangedEvent);

    it('takes the patient off the waitlist: those behind move up and the freed slot goes to them', async () => {
      const session = await h.newSession(group, { capacity: 3 }); // 1 reserved, 2 public
      const first = await book(claim(session.id));
      await book(claim(session.id));
      const ahead = await join(session.id);
      const behind = await join(session.id);
      // JoinWaitlist answers with the place in the queue, as GetWaitlistEntry does.
      expect([ahead.position, behind.position]).toEqual([1, 2]);
      expect((await entryOf(behind.id)).position).toBe(2);

      const left = await leave(ahead.id);

      expect(left).toMatchObject({
        id: ahead.id,
        status: WaitlistStatus.WAITLIST_STATUS_WITHDRAWN,
        position: 0,
      });
      expect(await entryOf(ahead.id)).toMatchObject({ status: WaitlistStatus.WAITLIST_STATUS_WITHDRAWN });
      expect((await entryOf(behind.id)).position).toBe(1);
      expect(await waitlistEvents(ahead.id)).toBe(2); // joined, withdrawn
      await h.cancelBooking(first.id, '患者取消', group.manager);
      expect(await entryOf(ahead.id)).toMatchObject({ status: WaitlistStatus.WAITLIST_STATUS_WITHDRAWN });
      expect(await entryOf(behind.id)).toMatchObject({ status: WaitlistStatus.WAITLIST_STATUS_OFFERED });
    });

    it('answers a retry with the entry as it is and announces nothing again', async () => {
      const session = await h.newSession(group, { capacity: 2 }); // 1 reserved, 1 public
      await book(claim(session.id));
      const entry = await join(session.id);
      const clientRequestId = uuidv7();
      const first = await leave(entry.id, clientRequestId);

      const retry = await leave(entry.id, clientRequestId);

      expect(retry).toEqual(first);
      expect(await waitlistEvents(entry.id)).toBe(2);
    });

    it('refuses to withdraw an entry already offered a slot, and one it may not see', async () => {
      const session = await h.newSession(group, { capacity: 2 }); // 1 reserved, 1 public
      const taken = await book(claim(session.id));
      const offered = await join(session.id);
      const other = await join(session.id);
      await h.cancelBooking(taken.id, '患者取消', group.manager);

      expect(await fails(leave(offered.id))).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'ILLEGAL_TRANSITION',
      });
      expect(await fails(leave(other.id, uuidv7(), group.centre))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });
      expect(await fails(leave(uuidv7()))).toMatchObject({
        code: status.NOT_FOUND,
        fieldViolations: [expect.objectContaining({ field: 'entryId' })],
      });
      expect(await entryOf(other.id)).toMatchObject({ status: WaitlistStatus.WAITLIST_STATUS_WAITING });
    });
  });
});
