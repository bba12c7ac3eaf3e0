import { credentials, status } from '@grpc/grpc-js';
import { bookingServiceV1, schedulingModelV1 } from '@medgrid/contracts';
import { waitFor } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { fails, refusal, unary } from './grpc-call';
import { aFreshResidentId, type GroupFixture, SchedulingHarness, shanghaiDate } from './scheduling-harness';

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
  ) => ({
    clientRequestId,
    sessionId,
    patientResidentId,
    pool,
    referralId: '',
  });
  const book = (c: bookingServiceV1.SlotClaim, who = group.manager) =>
    h.call(h.booking, h.booking.bookSlot, { claim: c }, who).then((r) => r.booking!);
  const getBooking = (bookingId: string) =>
    h.call(h.booking, h.booking.getBooking, { bookingId }, group.manager).then((r) => r.booking!);
  const getSession = (sessionId: string) =>
    h.call(h.schedule, h.schedule.getSession, { sessionId }, group.manager).then((r) => r.session!);
  const bookingEvents = (bookingId: string) =>
    h.count(
      `SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND event_type = 'medgrid.scheduling.v1.BookingChanged'`,
      [bookingId],
    );

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
      const { booking: held } = await h.call(
        h.booking,
        h.booking.holdSlot,
        { claim: claim(session.id, aFreshResidentId()), holdMinutes: 5 },
        group.manager,
      );

      const { booking: confirmed } = await h.call(
        h.booking,
        h.booking.confirmBooking,
        { clientRequestId: uuidv7(), bookingId: held!.id },
        group.manager,
      );

      expect(held!.status).toBe(BookingStatus.BOOKING_STATUS_HELD);
      expect(confirmed).toMatchObject({ id: held!.id, status: BookingStatus.BOOKING_STATUS_BOOKED });
    });

    it('expires a hold that was not confirmed in time, gives the seat back and refuses a late confirmation', async () => {
      const session = await h.newSession(group, { capacity: 3 });
      const { booking: held } = await h.call(
        h.booking,
        h.booking.holdSlot,
        { claim: claim(session.id, aFreshResidentId()), holdMinutes: 1 },
        group.manager,
      );
      expect(await getSession(session.id)).toMatchObject({ freePublic: session.freePublic - 1 });

      // The minute passes: the stored expiry moves into the past instead of the test waiting it out.
      await h.sql.query(`UPDATE booking SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [
        held!.id,
      ]);

      const expired = await waitFor(
        'the sweeper to expire the hold',
        async () => {
          const b = await getBooking(held!.id);
          return b.status === BookingStatus.BOOKING_STATUS_EXPIRED ? b : undefined;
        },
        { timeoutMs: 15_000 },
      );
      expect(expired.status).toBe(BookingStatus.BOOKING_STATUS_EXPIRED);
      expect(await getSession(session.id)).toMatchObject({ freePublic: session.freePublic });
      expect(await bookingEvents(held!.id)).toBe(2);
      const late = await fails(
        h.call(
          h.booking,
          h.booking.confirmBooking,
          { clientRequestId: uuidv7(), bookingId: held!.id },
          group.manager,
        ),
      );
      expect(late).toMatchObject({ code: status.FAILED_PRECONDITION });
      expect(['HOLD_EXPIRED', 'ILLEGAL_TRANSITION']).toContain(late.reason);
      expect((await getBooking(held!.id)).status).toBe(BookingStatus.BOOKING_STATUS_EXPIRED);
    });
  });

  it('offers a cancelled seat to the next patient on the waitlist, held for them', async () => {
    const session = await h.newSession(group, { capacity: 3 }); // 1 reserved, 2 public
    const first = await book(claim(session.id, aFreshResidentId()));
    await book(claim(session.id, aFreshResidentId()));
    const waiting = aFreshResidentId();
    const { entry } = await h.call(
      h.booking,
      h.booking.joinWaitlist,
      { claim: claim(session.id, waiting) },
      group.manager,
    );
    expect(entry!.status).toBe(WaitlistStatus.WAITLIST_STATUS_WAITING);

    await h.call(
      h.booking,
      h.booking.cancelBooking,
      { clientRequestId: uuidv7(), bookingId: first.id, reason: '患者改期' },
      group.manager,
    );

    const { entry: offered } = await h.call(
      h.booking,
      h.booking.getWaitlistEntry,
      { entryId: entry!.id },
      group.manager,
    );
    expect(offered).toMatchObject({ status: WaitlistStatus.WAITLIST_STATUS_OFFERED });
    expect(await getBooking(offered!.bookingId)).toMatchObject({
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
    const { entry } = await h.call(
      h.booking,
      h.booking.joinWaitlist,
      { claim: claim(session.id, resident) },
      group.manager,
    );
    // While they wait at the hospital's desk for a public slot, their clinic books them the reserved one.
    await book(claim(session.id, resident, Pool.POOL_RESERVED), group.centre);

    const { booking: cancelled } = await h.call(
      h.booking,
      h.booking.cancelBooking,
      { clientRequestId: uuidv7(), bookingId: first.id, reason: '患者改期' },
      group.manager,
    );

    expect(cancelled!.status).toBe(BookingStatus.BOOKING_STATUS_CANCELLED);
    const { entry: still } = await h.call(
      h.booking,
      h.booking.getWaitlistEntry,
      { entryId: entry!.id },
      group.manager,
    );
    expect(still!.status).toBe(WaitlistStatus.WAITLIST_STATUS_WAITING);
    expect(await getSession(session.id)).toMatchObject({ freeReserved: 0, freePublic: 1 });
  });

  it('refuses a request id used to cancel another booking, and leaves that booking as it was', async () => {
    const session = await h.newSession(group, { capacity: 4 });
    const one = await book(claim(session.id, aFreshResidentId()));
    const other = await book(claim(session.id, aFreshResidentId()));
    const clientRequestId = uuidv7();
    const cancel = (bookingId: string) =>
      h.call(
        h.booking,
        h.booking.cancelBooking,
        { clientRequestId, bookingId, reason: '患者取消' },
        group.manager,
      );
    await cancel(one.id);

    expect(await fails(cancel(other.id))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      reason: 'CLIENT_REQUEST_REUSED',
    });
    expect((await getBooking(other.id)).status).toBe(BookingStatus.BOOKING_STATUS_BOOKED);
  });

  it('moves untaken reserved slots to the public pool at the release lead time', async () => {
    const other = await h.newGroup();
    await h.call(
      h.schedule,
      h.schedule.setReservePolicy,
      {
        clientRequestId: uuidv7(),
        institutionId: other.hospitalId,
        slotRatio: { numerator: 1, denominator: 2 },
        bedRatio: { numerator: 1, denominator: 4 },
        releaseLeadHours: 168,
        overrideReason: '',
      },
      other.manager,
    );
    // Three days ahead with a week's lead time: the release is already due.
    const session = await h.newSession(other, { capacity: 4, date: shanghaiDate(3) });
    expect(session.reservedOffered).toBe(2);

    const released = await waitFor(
      'the sweeper to release the reserve',
      async () => {
        const s = await h.call(h.schedule, h.schedule.getSession, { sessionId: session.id }, other.manager);
        return s.session!.reservedReleased === 2 ? s.session! : undefined;
      },
      { timeoutMs: 15_000 },
    );

    expect(released).toMatchObject({ freeReserved: 0, freePublic: 4, reservedOffered: 2 });
    const walkIn = await book(claim(session.id, aFreshResidentId()), other.manager);
    expect(walkIn.status).toBe(BookingStatus.BOOKING_STATUS_BOOKED);

    // The daily report shows what was offered to primary care, released and used.
    const report = await h.call(
      h.report,
      h.report.getDailyReport,
      { institutionId: other.hospitalId, date: shanghaiDate(3) },
      other.groupAdmin,
    );
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
    expect(
      await fails(
        h.call(
          h.report,
          h.report.getDailyReport,
          { institutionId: other.hospitalId, date: '' },
          other.centre,
        ),
      ),
    ).toMatchObject({ code: status.PERMISSION_DENIED });
  });

  it('closes the sessions of a holiday, cancels their bookings with the reason and takes no more', async () => {
    const date = shanghaiDate(9);
    const session = await h.newSession(group, { capacity: 4, date });
    const booked = await book(claim(session.id, aFreshResidentId()));

    const { sessionsCancelled, bookingsCancelled } = await h.call(
      h.schedule,
      h.schedule.cancelSessions,
      {
        clientRequestId: uuidv7(),
        institutionId: group.hospitalId,
        practitionerId: '',
        fromDate: date,
        toDate: date,
        reason: '停诊：医院信息系统升级',
      },
      group.manager,
    );

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

    it('a capacity below the slots already taken', async () => {
      const session = await h.newSession(group, { capacity: 3 });
      await book(claim(session.id, aFreshResidentId()));
      await book(claim(session.id, aFreshResidentId()));
      const before = await getSession(session.id);

      const error = await fails(
        h.call(
          h.schedule,
          h.schedule.setSessionCapacity,
          { clientRequestId: uuidv7(), sessionId: session.id, capacity: 1 },
          group.manager,
        ),
      );

      expect(error).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'CAPACITY_BELOW_TAKEN' });
      expect(await getSession(session.id)).toEqual(before);
    });

    it('a capacity out of range', async () => {
      const session = await h.newSession(group, { capacity: 3 });

      const error = await fails(
        h.call(
          h.schedule,
          h.schedule.setSessionCapacity,
          { clientRequestId: uuidv7(), sessionId: session.id, capacity: 4_294_967_295 },
          group.manager,
        ),
      );

      expect(error).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'capacity' })],
      });
      expect(await getSession(session.id)).toEqual(session);
    });

    it('a reserve ratio below the city floor without a city override', async () => {
      const before = await h.call(
        h.schedule,
        h.schedule.getReservePolicy,
        { institutionId: group.hospitalId },
        group.manager,
      );

      const error = await fails(
        h.call(
          h.schedule,
          h.schedule.setReservePolicy,
          {
            clientRequestId: uuidv7(),
            institutionId: group.hospitalId,
            slotRatio: { numerator: 1, denominator: 5 },
            bedRatio: { numerator: 1, denominator: 4 },
            releaseLeadHours: 24,
            overrideReason: '',
          },
          group.manager,
        ),
      );

      expect(error).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'RATIO_BELOW_FLOOR' });
      expect(
        await h.call(
          h.schedule,
          h.schedule.getReservePolicy,
          { institutionId: group.hospitalId },
          group.manager,
        ),
      ).toEqual(before);
    });

    it('a confirmation of a booking that does not exist', async () => {
      expect(
        await fails(
          h.call(
            h.booking,
            h.booking.confirmBooking,
            { clientRequestId: uuidv7(), bookingId: uuidv7() },
            group.manager,
          ),
        ),
      ).toMatchObject({ code: status.NOT_FOUND });
    });
  });
});
