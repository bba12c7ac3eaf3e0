import { credentials, status } from '@grpc/grpc-js';
import {
  BookingChangedEvent,
  bookingServiceV1,
  schedulingEventsV1,
  schedulingModelV1,
  SessionChangedEvent,
} from '@medgrid/contracts';
import { aResidentIdBornOn, anIdentity, waitFor } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { fails, refusal, unary } from './grpc-call';
import { auditedRefusals, expectEveryCallRefusedForTheClaimedGroup } from './group-claim';
import { outboxEventCount, outboxEvents } from './outbox';
import {
  aFreshResidentId,
  type GroupFixture,
  oneDayTemplate,
  ratio,
  shanghaiDate,
  slotClaim,
} from './scheduling-fixtures';
import { SchedulingHarness } from './scheduling-harness';

const { Pool, BookingStatus, WaitlistStatus } = schedulingModelV1;

/**
 * Booking against the scheduling service as a real process on the real
 * PostgreSQL: no overbooking when many connections claim the same few seats,
 * idempotent retries, the reserved pool, hold expiry, the waitlist, release
 * of untaken reserved slots, closures, and precise refusals that change nothing.
 */
describe('scheduling booking', () => {
  const h = new SchedulingHarness();
  let group: GroupFixture;

  const claim = (
    sessionId: string,
    patientResidentId: string,
    pool = Pool.POOL_PUBLIC,
    clientRequestId = uuidv7(),
  ) => slotClaim(sessionId, { patientResidentId, pool, clientRequestId });
  const book = (c: bookingServiceV1.SlotClaim, who = group.manager) => h.bookSlot(c, who);
  const getBooking = (bookingId: string) => h.getBooking(bookingId, group.manager);
  const getSession = (sessionId: string) => h.getSession(sessionId, group.manager);
  const bookingEvents = (bookingId: string) => outboxEventCount(h.sql, bookingId, BookingChangedEvent);

  beforeAll(async () => {
    await h.start('e2e_scheduling_booking');
    group = await h.newGroup();
  }, 240_000);

  afterAll(() => h.stop());

  it('offers a third of a session as the primary-care reserve, rounded up', async () => {
    const session = await h.newSession(group, { capacity: 10 });

    expect(session).toMatchObject({ capacity: 10, reservedOffered: 4, freeReserved: 4, freePublic: 6 });
  });

  it('gives each free seat exactly once when many connections claim the same few at once', async () => {
    const session = await h.newSession(group, { capacity: 6 }); // 2 reserved, 4 public
    const residents = await Promise.all([1, 2, 3].map(() => h.contractedResident(group)));
    // Eight channels, so the claims reach the service over separate connections.
    const token = await h.registry.auth.token(group.manager);
    const centreToken = await h.registry.auth.token(group.centre);
    const channels = Array.from(
      { length: 8 },
      () => new bookingServiceV1.BookingServiceClient(h.process.grpcAddress, credentials.createInsecure()),
    );
    try {
      const publicClaims = Array.from({ length: 48 }, (_, i) =>
        unary(
          channels[i % 8]!,
          channels[i % 8]!.bookSlot,
          { claim: claim(session.id, aFreshResidentId()) },
          token,
        ),
      );
      const reservedClaims = residents.map((resident, i) =>
        unary(
          channels[i % 8]!,
          channels[i % 8]!.bookSlot,
          { claim: claim(session.id, resident, Pool.POOL_RESERVED) },
          centreToken,
        ),
      );
      const answers = await Promise.allSettled([...publicClaims, ...reservedClaims]);

      const booked = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value.booking!] : []));
      const refusals = answers.flatMap((a) => (a.status === 'rejected' ? [refusal(a.reason)] : []));
      expect(booked.filter((b) => b.pool === Pool.POOL_PUBLIC)).toHaveLength(4);
      expect(booked.filter((b) => b.pool === Pool.POOL_RESERVED)).toHaveLength(2);
      expect(new Set(booked.map((b) => b.slotNumber)).size).toBe(6);
      expect(refusals).toHaveLength(45);
      expect(refusals.every((r) => r.code === status.RESOURCE_EXHAUSTED && r.reason === 'SOLD_OUT')).toBe(
        true,
      );
      expect(
        await h.count(`SELECT count(*) AS n FROM seat WHERE session_id = $1 AND booking_id IS NOT NULL`, [
          session.id,
        ]),
      ).toBe(6);
      expect(
        await h.count(`SELECT count(*) AS n FROM booking WHERE session_id = $1 AND status = 'booked'`, [
          session.id,
        ]),
      ).toBe(6);
      for (const b of booked) expect(await bookingEvents(b.id)).toBe(1);
      expect(await getSession(session.id)).toMatchObject({ freeReserved: 0, freePublic: 0 });
    } finally {
      for (const channel of channels) channel.close();
    }
  });

  it('answers every racing retry of one request with the one booking it made', async () => {
    const session = await h.newSession(group, { capacity: 4 });
    const retried = claim(session.id, aFreshResidentId());

    const answers = await Promise.all(Array.from({ length: 10 }, () => book(retried)));

    expect(new Set(answers.map((b) => b.id)).size).toBe(1);
    expect(
      await h.count(`SELECT count(*) AS n FROM booking WHERE client_request_id = $1`, [
        retried.clientRequestId,
      ]),
    ).toBe(1);
    expect(await bookingEvents(answers[0]!.id)).toBe(1);
    expect(await getSession(session.id)).toMatchObject({ freePublic: session.freePublic - 1 });
  });

  it('refuses a request id used again for another claim, and books nothing', async () => {
    const session = await h.newSession(group, { capacity: 4 });
    const first = claim(session.id, aFreshResidentId());
    await book(first);

    const error = await fails(book({ ...first, patientResidentId: aFreshResidentId() }));

    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'CLIENT_REQUEST_REUSED' });
    expect(await getSession(session.id)).toMatchObject({ freePublic: session.freePublic - 1 });
  });

  it('answers a retried claim after the session filled up, and refuses a used id for a waitlist place', async () => {
    const session = await h.newSession(group, { capacity: 3 }); // 1 reserved, 2 public
    const booked = claim(session.id, aFreshResidentId());
    const first = await book(booked);
    await book(claim(session.id, aFreshResidentId()));
    const join = (request: bookingServiceV1.SlotClaim) => h.joinWaitlist(request, group.manager);
    const waiting = claim(session.id, aFreshResidentId());
    const entry = await join(waiting);

    const retried = await book(booked);
    const rejoined = await join(waiting);
    const refusals = await Promise.all([
      fails(join({ ...waiting, patientResidentId: aFreshResidentId() })),
      fails(join({ ...claim(session.id, aFreshResidentId()), clientRequestId: booked.clientRequestId })),
    ]);

    expect(retried).toEqual(first);
    expect(rejoined).toEqual(entry);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({
        code: status.INVALID_ARGUMENT,
        reason: 'CLIENT_REQUEST_REUSED',
        fieldViolations: [expect.objectContaining({ field: 'claim.clientRequestId' })],
      });
    }
    expect(
      await h.count(`SELECT count(*) AS n FROM waitlist_entry WHERE session_id = $1`, [session.id]),
    ).toBe(1);
  });

  it('lets a patient hold one slot per session, even when two claims race', async () => {
    const session = await h.newSession(group, { capacity: 6 });
    const patient = aFreshResidentId();

    const answers = await Promise.allSettled([
      book(claim(session.id, patient)),
      book(claim(session.id, patient)),
    ]);

    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refused = answers.find((a) => a.status === 'rejected') as PromiseRejectedResult;
    expect(refusal(refused.reason)).toMatchObject({
      code: status.ALREADY_EXISTS,
      reason: 'ALREADY_BOOKED_IN_SESSION',
    });
    expect(await getSession(session.id)).toMatchObject({ freePublic: session.freePublic - 1 });
  });

  it("is booked by the institutions caring for the patient, not by the group's administrator or the city", async () => {
    const session = await h.newSession(group, { capacity: 3 });
    const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });

    for (const who of [group.groupAdmin, operator]) {
      const refusals = await Promise.all([
        fails(book(claim(session.id, aFreshResidentId()), who)),
        fails(h.holdSlot(claim(session.id, aFreshResidentId()), 0, who)),
      ]);
      expect(refusals).toEqual([
        expect.objectContaining({ code: status.PERMISSION_DENIED }),
        expect.objectContaining({ code: status.PERMISSION_DENIED }),
      ]);
    }
    // They still see the capacity they supervise.
    expect(await h.getSession(session.id, group.groupAdmin)).toMatchObject({
      freeReserved: 1,
      freePublic: 2,
    });
    expect(await getSession(session.id)).toMatchObject({ freeReserved: 1, freePublic: 2 });
  });

  describe('the reserved pool', () => {
    let session: schedulingModelV1.Session;
    let contracted: string;

    beforeAll(async () => {
      session = await h.newSession(group, { capacity: 9 }); // 3 reserved
      contracted = await h.contractedResident(group);
    });

    it("is refused to the hospital's own walk-in patients", async () => {
      const error = await fails(book(claim(session.id, aFreshResidentId(), Pool.POOL_RESERVED)));

      expect(error).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'RESERVED_POOL_NOT_ALLOWED' });
      expect(await getSession(session.id)).toMatchObject({ freeReserved: 3 });
    });

    it('is refused to a primary institution booking a resident it has no contract with', async () => {
      const error = await fails(
        book(claim(session.id, aFreshResidentId(), Pool.POOL_RESERVED), group.centre),
      );

      expect(error).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'RESERVED_POOL_NOT_ALLOWED' });
    });

    it('is open to a primary institution booking its own contracted resident, with the priority flag', async () => {
      const booking = await book(claim(session.id, contracted, Pool.POOL_RESERVED), group.centre);

      expect(booking).toMatchObject({
        pool: Pool.POOL_RESERVED,
        status: BookingStatus.BOOKING_STATUS_BOOKED,
        bookedByInstitutionId: group.centreId,
      });
      expect(booking.priority?.contractedResident).toBe(true);
      expect(await getSession(session.id)).toMatchObject({ freeReserved: 2 });
    });
  });

  describe('holds', () => {
    it('keeps a held slot until it is confirmed', async () => {
      const session = await h.newSession(group, { capacity: 3 });
      const held = await h.holdSlot(claim(session.id, aFreshResidentId()), 5, group.manager);

      const confirmed = await h.confirmBooking(held.id, group.manager);

      expect(held.status).toBe(BookingStatus.BOOKING_STATUS_HELD);
      expect(confirmed).toMatchObject({ id: held.id, status: BookingStatus.BOOKING_STATUS_BOOKED });
    });

    it('expires a hold that was not confirmed in time, gives the seat back and refuses a late confirmation', async () => {
      const session = await h.newSession(group, { capacity: 3 });
      const held = await h.holdSlot(claim(session.id, aFreshResidentId()), 1, group.manager);
      expect(await getSession(session.id)).toMatchObject({ freePublic: session.freePublic - 1 });

      // The minute passes: the stored expiry moves into the past instead of the test waiting it out.
      await h.sql.query(`UPDATE booking SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [
        held.id,
      ]);

      const expired = await waitFor(
        'the sweeper to expire the hold',
        async () => {
          const b = await getBooking(held.id);
          return b.status === BookingStatus.BOOKING_STATUS_EXPIRED ? b : undefined;
        },
        { timeoutMs: 15_000 },
      );
      expect(expired.status).toBe(BookingStatus.BOOKING_STATUS_EXPIRED);
      expect(await getSession(session.id)).toMatchObject({ freePublic: session.freePublic });
      expect(await bookingEvents(held.id)).toBe(2);
      const late = await fails(h.confirmBooking(held.id, group.manager));
      expect(late).toMatchObject({ code: status.FAILED_PRECONDITION });
      expect(['HOLD_EXPIRED', 'ILLEGAL_TRANSITION']).toContain(late.reason);
      expect((await getBooking(held.id)).status).toBe(BookingStatus.BOOKING_STATUS_EXPIRED);
    });
  });

  it('offers a cancelled seat to the next patient on the waitlist, held for them', async () => {
    const session = await h.newSession(group, { capacity: 3 }); // 1 reserved, 2 public
    const first = await book(claim(session.id, aFreshResidentId()));
    await book(claim(session.id, aFreshResidentId()));
    const waiting = aFreshResidentId();
    const entry = await h.joinWaitlist(claim(session.id, waiting), group.manager);
    expect(entry.status).toBe(WaitlistStatus.WAITLIST_STATUS_WAITING);

    await h.cancelBooking(first.id, '患者改期', group.manager);

    const offered = await h.getWaitlistEntry(entry.id, group.manager);
    expect(offered).toMatchObject({ status: WaitlistStatus.WAITLIST_STATUS_OFFERED });
    expect(await getBooking(offered.bookingId)).toMatchObject({
      patientResidentId: waiting,
      status: BookingStatus.BOOKING_STATUS_HELD,
      slotNumber: first.slotNumber,
    });
    expect(await getSession(session.id)).toMatchObject({ freePublic: 0 });
  });

  it('passes over a waiting patient who has booked meanwhile, and the cancel that freed the seat goes through', async () => {
    const session = await h.newSession(group, { capacity: 3 }); // 1 reserved, 2 public
    const first = await book(claim(session.id, aFreshResidentId()));
    await book(claim(session.id, aFreshResidentId()));
    const resident = await h.contractedResident(group);
    const entry = await h.joinWaitlist(claim(session.id, resident), group.manager);
    // While they wait at the hospital's desk for a public slot, their clinic books them the reserved one.
    await book(claim(session.id, resident, Pool.POOL_RESERVED), group.centre);

    const cancelled = await h.cancelBooking(first.id, '患者改期', group.manager);

    expect(cancelled.status).toBe(BookingStatus.BOOKING_STATUS_CANCELLED);
    const still = await h.getWaitlistEntry(entry.id, group.manager);
    expect(still.status).toBe(WaitlistStatus.WAITLIST_STATUS_WAITING);
    expect(await getSession(session.id)).toMatchObject({ freeReserved: 0, freePublic: 1 });
  });

  it('refuses a request id used to cancel another booking, and leaves that booking as it was', async () => {
    const session = await h.newSession(group, { capacity: 4 });
    const one = await book(claim(session.id, aFreshResidentId()));
    const other = await book(claim(session.id, aFreshResidentId()));
    const clientRequestId = uuidv7();
    const cancel = (bookingId: string) =>
      h.cancelBooking(bookingId, '患者取消', group.manager, clientRequestId);
    await cancel(one.id);

    expect(await fails(cancel(other.id))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      reason: 'CLIENT_REQUEST_REUSED',
    });
    expect((await getBooking(other.id)).status).toBe(BookingStatus.BOOKING_STATUS_BOOKED);
  });

  it('moves untaken reserved slots to the public pool at the release lead time', async () => {
    const other = await h.newGroup();
    await h.setReservePolicy(other, { slotRatio: ratio(1, 2), releaseLeadHours: 168 });
    // Three days ahead with a week's lead time: the release is already due.
    const session = await h.newSession(other, { capacity: 4, date: shanghaiDate(3) });
    expect(session.reservedOffered).toBe(2);

    const released = await waitFor(
      'the sweeper to release the reserve',
      async () => {
        const s = await h.getSession(session.id, other.manager);
        return s.reservedReleased === 2 ? s : undefined;
      },
      { timeoutMs: 15_000 },
    );

    expect(released).toMatchObject({ freeReserved: 0, freePublic: 4, reservedOffered: 2 });
    const walkIn = await book(claim(session.id, aFreshResidentId()), other.manager);
    expect(walkIn.status).toBe(BookingStatus.BOOKING_STATUS_BOOKED);

    // The daily report shows what was offered to primary care, released and used.
    const report = await h.dailyReport(other, shanghaiDate(3));
    expect(report.slots).toEqual({
      sessions: 1,
      offered: 4,
      reservedOffered: 2,
      reservedUsed: 0,
      reservedReleased: 2,
      reservedEmpty: 0,
      publicUsed: 1,
      reservedRatioBp: 5000,
      targetRatioBp: 5000,
      targetMet: true,
    });
    expect(await fails(h.dailyReport(other, '', other.centre))).toMatchObject({
      code: status.PERMISSION_DENIED,
    });
  });

  it('closes the sessions of a holiday, cancels their bookings with the reason and takes no more', async () => {
    const date = shanghaiDate(9);
    const session = await h.newSession(group, { capacity: 4, date });
    const booked = await book(claim(session.id, aFreshResidentId()));

    const { sessionsCancelled, bookingsCancelled } = await h.cancelSessions(group, {
      fromDate: date,
      toDate: date,
      reason: '停诊：医院信息系统升级',
    });

    expect(sessionsCancelled).toBeGreaterThanOrEqual(1);
    expect(bookingsCancelled).toBeGreaterThanOrEqual(1);
    const cancelled = await getBooking(booked.id);
    expect(cancelled.status).toBe(BookingStatus.BOOKING_STATUS_CANCELLED);
    expect(cancelled.cancelReason).toContain('停诊');
    expect(await fails(book(claim(session.id, aFreshResidentId())))).toMatchObject({
      code: status.FAILED_PRECONDITION,
      reason: 'SESSION_CLOSED',
    });
  });

  describe("moving a session (a doctor's exception)", () => {
    const reason = '专家外出会诊，改至下午';
    const move = (
      sessionId: string,
      to: { date: string; startTime: string; endTime: string },
      clientRequestId = uuidv7(),
      who = group.manager,
    ) => h.call(h.schedule, h.schedule.moveSession, { clientRequestId, sessionId, ...to, reason }, who);
    const bookingChanges = (bookingId: string) => outboxEvents(h.sql, bookingId, BookingChangedEvent);
    const sessionMovedEvents = (sessionId: string) => outboxEventCount(h.sql, sessionId, SessionChangedEvent);

    it('takes the booked patients along: same slot, the new time, and a SESSION_MOVED event each', async () => {
      const doctor = uuidv7();
      const session = await h.newSession(group, {
        capacity: 4,
        date: shanghaiDate(10),
        practitionerId: doctor,
      });
      const booked = await book(claim(session.id, aFreshResidentId()));
      const sessionEventsBefore = await sessionMovedEvents(session.id);
      const to = { date: shanghaiDate(11), startTime: '14:00', endTime: '17:30' };

      const { session: moved, bookingsMoved } = await move(session.id, to);

      expect(bookingsMoved).toBe(1);
      expect(moved).toMatchObject({
        id: session.id,
        date: to.date,
        startsAt: new Date(`${to.date}T14:00:00+08:00`),
        endsAt: new Date(`${to.date}T17:30:00+08:00`),
        changeReason: reason,
        version: session.version + 1,
        freePublic: session.freePublic - 1,
      });
      expect(await getSession(session.id)).toEqual(moved);
      const after = await getBooking(booked.id);
      expect(after).toMatchObject({
        status: BookingStatus.BOOKING_STATUS_BOOKED,
        slotNumber: booked.slotNumber,
        sessionId: session.id,
      });
      expect(after.expectedAt!.getTime()).toBeGreaterThanOrEqual(moved!.startsAt!.getTime());
      expect(after.expectedAt!.getTime()).toBeLessThan(moved!.endsAt!.getTime());
      const last = (await bookingChanges(booked.id)).at(-1)!;
      expect(last.change).toBe(schedulingEventsV1.BookingChange.BOOKING_CHANGE_SESSION_MOVED);
      expect(last.session).toMatchObject({ id: session.id, date: to.date, startsAt: moved!.startsAt });
      expect(await sessionMovedEvents(session.id)).toBe(sessionEventsBefore + 1);

      // Generating the day it left again makes no second session for it.
      await h.generateSessions(group, session.date, session.date);
      expect(
        await h.count(`SELECT count(*) AS n FROM clinic_session WHERE template_id = $1`, [
          session.templateId,
        ]),
      ).toBe(1);
    });

    it("makes no planned session beside one of the same doctor's moved into its band", async () => {
      const doctor = uuidv7();
      const session = await h.newSession(group, {
        capacity: 4,
        date: shanghaiDate(21),
        practitionerId: doctor,
      });
      const date = shanghaiDate(22);
      const template = await h.createTemplate(
        oneDayTemplate(group, date, { practitionerId: doctor, capacity: 4 }),
        group.manager,
      );
      await move(session.id, { date, startTime: '09:00', endTime: '10:00' });

      const generated = await h.generateSessions(group, date, date);

      expect(generated).toMatchObject({ created: 0, overlapping: 1 });
      expect(
        await h.count(`SELECT count(*) AS n FROM clinic_session WHERE template_id = $1`, [template.id]),
      ).toBe(0);
    });

    it('answers a retry with the session where it is, and announces nothing again', async () => {
      const session = await h.newSession(group, {
        capacity: 4,
        date: shanghaiDate(10),
        practitionerId: uuidv7(),
      });
      const booked = await book(claim(session.id, aFreshResidentId()));
      const to = { date: shanghaiDate(12), startTime: '08:30', endTime: '11:30' };
      const clientRequestId = uuidv7();
      const first = await move(session.id, to, clientRequestId);

      const retry = await move(session.id, to, clientRequestId);

      expect(retry).toEqual(first);
      expect(await bookingEvents(booked.id)).toBe(2); // booked, moved
    });

    it('refuses to move a session onto another of the same doctor, and changes nothing', async () => {
      const doctor = uuidv7();
      await h.newSession(group, { capacity: 4, date: shanghaiDate(13), practitionerId: doctor }); // 08:00–11:30
      const other = await h.newSession(group, {
        capacity: 4,
        date: shanghaiDate(14),
        startTime: '14:00',
        endTime: '17:00',
        practitionerId: doctor,
      });
      const booked = await book(claim(other.id, aFreshResidentId()));
      const before = await getSession(other.id);

      const error = await fails(
        move(other.id, { date: shanghaiDate(13), startTime: '10:00', endTime: '12:00' }),
      );

      expect(error).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'SESSION_OVERLAPS',
        fieldViolations: [expect.objectContaining({ field: 'startTime' })],
      });
      expect(await getSession(other.id)).toEqual(before);
      expect(await getBooking(booked.id)).toMatchObject({
        status: booked.status,
        version: booked.version,
        expectedAt: booked.expectedAt,
      });
      expect(await bookingEvents(booked.id)).toBe(1);
    });

    it('refuses bad input with INVALID_ARGUMENT naming each field, and changes nothing', async () => {
      const session = await h.newSession(group, {
        capacity: 4,
        date: shanghaiDate(10),
        practitionerId: uuidv7(),
      });

      const bad = await fails(move(session.id, { date: '2026-02-30', startTime: '14:00', endTime: '13:00' }));
      const nowhere = await fails(
        move(session.id, { date: session.date, startTime: '08:00', endTime: '11:30' }),
      );
      const past = await fails(
        move(session.id, { date: shanghaiDate(-1), startTime: '08:00', endTime: '11:30' }),
      );

      expect(bad).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [
          expect.objectContaining({ field: 'date', reason: 'INVALID_FORMAT' }),
          expect.objectContaining({ field: 'endTime', reason: 'BEFORE_START' }),
        ],
      });
      expect(nowhere).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'date', reason: 'UNCHANGED' })],
      });
      expect(past).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'date', reason: 'IN_THE_PAST' })],
      });
      expect(await getSession(session.id)).toEqual(session);
    });

    it("is refused to a primary institution, which does not manage the hospital's capacity", async () => {
      const session = await h.newSession(group, {
        capacity: 4,
        date: shanghaiDate(10),
        practitionerId: uuidv7(),
      });

      const error = await fails(
        move(
          session.id,
          { date: shanghaiDate(11), startTime: '08:00', endTime: '11:30' },
          uuidv7(),
          group.centre,
        ),
      );

      expect(error).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(await getSession(session.id)).toEqual(session);
    });
  });

  describe('a token’s group claim', () => {
    it('refuses every call of the scheduling service when the institution is not in the claimed group, and audits each', async () => {
      const other = await h.newGroup();
      const inconsistent = await h.registry.auth.token(
        anIdentity({ role: 'primary-staff', institutionId: group.centreId, groupId: other.groupId }),
      );

      await expectEveryCallRefusedForTheClaimedGroup({
        address: h.process.grpcAddress,
        services: SchedulingHarness.SCHEDULING_SERVICES,
        token: inconsistent,
        institutionId: group.centreId,
        claimedGroupId: other.groupId,
        sql: h.sql,
      });
    });

    it('refuses a booking by the hospital’s own staff claiming another group, and books nothing', async () => {
      const other = await h.newGroup();
      const session = await h.newSession(group, { capacity: 2 });
      const inconsistent = { ...group.manager, groupId: other.groupId };

      const error = await fails(book(claim(session.id, aFreshResidentId()), inconsistent));

      expect(error).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'GROUP_CLAIM_MISMATCH' });
      expect(await getSession(session.id)).toEqual(session);
    });

    it('answers a token naming an institution the service has not learnt of with UNAVAILABLE, audited', async () => {
      const ghost = anIdentity({ role: 'hospital-staff', groupId: group.groupId });
      const session = await h.newSession(group, { capacity: 2 });

      const error = await fails(book(claim(session.id, aFreshResidentId()), ghost));

      expect(error).toMatchObject({ code: status.UNAVAILABLE, reason: 'INSTITUTION_NOT_KNOWN_YET' });
      expect(await auditedRefusals(h.sql, group.groupId)).toContainEqual({
        actor_institution_id: ghost.institutionId,
        purpose: 'INSTITUTION_NOT_KNOWN_YET /medgrid.scheduling.v1.BookingService/BookSlot',
      });
    });
  });

  describe('bad input gets a precise error and changes nothing', () => {
    it('an unknown session', async () => {
      expect(await fails(book(claim(uuidv7(), aFreshResidentId())))).toMatchObject({
        code: status.NOT_FOUND,
        fieldViolations: [expect.objectContaining({ field: 'claim.sessionId' })],
      });
    });

    it('an invalid resident ID number', async () => {
      const session = await h.newSession(group, { capacity: 2 });

      const error = await fails(book(claim(session.id, '110101199003077574')));

      expect(error).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'claim.patientResidentId' })],
      });
      expect(await getSession(session.id)).toEqual(session);
    });

    it('a resident ID number with a right check character but a birth date after today', async () => {
      const session = await h.newSession(group, { capacity: 2 });

      const error = await fails(book(claim(session.id, aResidentIdBornOn(shanghaiDate(1)))));

      expect(error).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [
          expect.objectContaining({ field: 'claim.patientResidentId', reason: 'BIRTH_DATE_IN_FUTURE' }),
        ],
      });
      expect(await getSession(session.id)).toEqual(session);
    });

    it('a capacity below the slots already taken', async () => {
      const session = await h.newSession(group, { capacity: 3 });
      await book(claim(session.id, aFreshResidentId()));
      await book(claim(session.id, aFreshResidentId()));
      const before = await getSession(session.id);

      const error = await fails(h.setSessionCapacity(session.id, 1, group.manager));

      expect(error).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'CAPACITY_BELOW_TAKEN' });
      expect(await getSession(session.id)).toEqual(before);
    });

    it('a capacity out of range', async () => {
      const session = await h.newSession(group, { capacity: 3 });

      const error = await fails(h.setSessionCapacity(session.id, 4_294_967_295, group.manager));

      expect(error).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'capacity' })],
      });
      expect(await getSession(session.id)).toEqual(session);
    });

    it('a reserve ratio below the city floor without a city override', async () => {
      const before = await h.getReservePolicy(group);

      const error = await fails(h.setReservePolicy(group, { slotRatio: ratio(1, 5), releaseLeadHours: 24 }));

      expect(error).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'RATIO_BELOW_FLOOR' });
      expect(await h.getReservePolicy(group)).toEqual(before);
    });

    it('a confirmation of a booking that does not exist', async () => {
      expect(await fails(h.confirmBooking(uuidv7(), group.manager))).toMatchObject({
        code: status.NOT_FOUND,
      });
    });
  });

  // Last: the kill leaves the consumer group holding a dead member for its session timeout.
  describe('started again after a crash (SIGKILL)', () => {
    it('serves bookings within 5 seconds of its start, while its consumer is still joining its group', async () => {
      const session = await h.newSession(group, { capacity: 6 });
      await h.process.kill();

      const started = Date.now();
      await h.process.start({}, { waitForConsumer: false });
      const firstAnswer = await waitFor(
        'the first answer after the restart',
        async () => {
          try {
            await getSession(session.id);
            return Date.now();
          } catch {
            return undefined;
          }
        },
        { timeoutMs: 30_000, intervalMs: 50 },
      );
      const booking = await book(claim(session.id, aFreshResidentId()));
      const readiness = await h.process.readiness();

      expect(firstAnswer - started).toBeLessThan(5_000);
      expect(booking.status).toBe(BookingStatus.BOOKING_STATUS_BOOKED);
      // Ready, and saying what is not: the consumer, which the service serves without.
      expect(readiness.ready).toBe(true);
      expect(readiness.checks.consumer).toEqual({
        ok: false,
        problem: expect.stringMatching(
          /^joining consumer group scheduling-e2e_scheduling_booking-/,
        ) as unknown,
        required: false,
      });
      await waitFor(
        'the consumer to join its group',
        async () => ((await h.process.readiness()).checks.consumer?.ok ? true : undefined),
        { timeoutMs: 60_000, intervalMs: 500 },
      );
    }, 120_000);
  });
});
