import { status } from '@grpc/grpc-js';
import {
  type bookingServiceV1,
  schedulingEventsV1,
  schedulingModelV1,
  SessionChangedEvent,
} from '@medgrid/contracts';
import { decodeEnvelope, decodePayload } from '@medgrid/messaging';
import { v7 as uuidv7 } from 'uuid';
import { fails } from './grpc-call';
import { aFreshResidentId, type GroupFixture, SchedulingHarness } from './scheduling-harness';

const { Pool, BookingStatus } = schedulingModelV1;
const { SessionChange } = schedulingEventsV1;

/**
 * A hospital's schedule over gRPC against the real PostgreSQL: resizing a
 * session (its bookings stay, the reserve keeps the hospital's share), and the
 * changes announced on the session topic.
 */
describe('scheduling schedules', () => {
  const h = new SchedulingHarness();
  let group: GroupFixture;

  const claim = (sessionId: string, pool = Pool.POOL_PUBLIC): bookingServiceV1.SlotClaim => ({
    clientRequestId: uuidv7(),
    sessionId,
    patientResidentId: aFreshResidentId(),
    pool,
    referralId: '',
  });
  const book = (c: bookingServiceV1.SlotClaim, who = group.manager) =>
    h.call(h.booking, h.booking.bookSlot, { claim: c }, who).then((r) => r.booking!);
  const getBooking = (bookingId: string) =>
    h.call(h.booking, h.booking.getBooking, { bookingId }, group.manager).then((r) => r.booking!);
  const getSession = (sessionId: string) =>
    h.call(h.schedule, h.schedule.getSession, { sessionId }, group.manager).then((r) => r.session!);
  const resize = (sessionId: string, capacity: number, clientRequestId = uuidv7(), who = group.manager) =>
    h
      .call(h.schedule, h.schedule.setSessionCapacity, { clientRequestId, sessionId, capacity }, who)
      .then((r) => r.session!);
  /** The session's SessionChanged events in the outbox, decoded, oldest first. */
  const sessionChanges = async (sessionId: string) =>
    (
      await h.sql.query<{ envelope: Buffer }>(
        `SELECT envelope FROM outbox
          WHERE message_key = $1 AND event_type = 'medgrid.scheduling.v1.SessionChanged' ORDER BY seq`,
        [sessionId],
      )
    ).rows.map((row) => decodePayload(SessionChangedEvent, decodeEnvelope(row.envelope)));
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
        fieldViolations: [
          expect.objectContaining({ field: 'capacity', description: expect.stringContaining('3 slots') }),
        ],
      });
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
        fieldViolations: [
          expect.objectContaining({ field: 'capacity', description: expect.stringContaining('at least 6') }),
        ],
      });
      expect(await getSession(session.id)).toEqual(before);
    });

    it('splits by the hospital’s own reserve ratio', async () => {
      const other = await h.newGroup();
      await h.call(
        h.schedule,
        h.schedule.setReservePolicy,
        {
          clientRequestId: uuidv7(),
          institutionId: other.hospitalId,
          slotRatio: { numerator: 1, denominator: 2 },
          bedRatio: { numerator: 1, denominator: 4 },
          releaseLeadHours: 24,
          overrideReason: '',
        },
        other.manager,
      );
      const session = await h.newSession(other, { capacity: 4 }); // 2 reserved, 2 public

      const resized = await h.call(
        h.schedule,
        h.schedule.setSessionCapacity,
        { clientRequestId: uuidv7(), sessionId: session.id, capacity: 9 },
        other.manager,
      );

      expect(resized.session).toMatchObject({ capacity: 9, freeReserved: 5, freePublic: 4 });
    });

    it('offers a grown session’s new slots to its waitlist', async () => {
      const session = await h.newSession(group, { capacity: 3 }); // 1 reserved, 2 public
      await book(claim(session.id));
      await book(claim(session.id));
      const { entry } = await h.call(
        h.booking,
        h.booking.joinWaitlist,
        { claim: claim(session.id) },
        group.manager,
      );

      await resize(session.id, 6);

      const { entry: offered } = await h.call(
        h.booking,
        h.booking.getWaitlistEntry,
        { entryId: entry!.id },
        group.manager,
      );
      expect(offered).toMatchObject({ status: schedulingModelV1.WaitlistStatus.WAITLIST_STATUS_OFFERED });
      expect(await getBooking(offered!.bookingId)).toMatchObject({
        patientResidentId: entry!.patientResidentId,
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
});
