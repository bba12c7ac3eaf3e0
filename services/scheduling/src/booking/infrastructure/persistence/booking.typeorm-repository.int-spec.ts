import { batchRuns, type UnitOfWork } from '@medgrid/database';
import { aResidentId, lockOrder } from '@medgrid/testing';
import { type ClientRequest } from '@medgrid/idempotency';
import { type DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { SchedulingTestDatabase } from '../../../test/scheduling-test-database';
import { type SessionSnapshot } from '../../../schedules/domain/session';
import { ScheduleTypeormRepository } from '../../../schedules/infrastructure/persistence/schedule.typeorm-repository';
import { aSession as aSessionSnapshot, onDate } from '../../../schedules/test/session.factory';
import { Booking, type NewBooking } from '../../domain/booking';
import { RECORDED_BEFORE } from '../../domain/booking.repository';
import { NO_PRIORITY, type Pool, type Priority } from '../../domain/pool';
import { WaitlistEntry, type WaitlistEntrySnapshot } from '../../domain/waitlist-entry';
import { BookingTypeormRepository } from './booking.typeorm-repository';

const t0 = new Date('2027-03-01T00:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const CONTRACTED: Priority = { contractedResident: true, consultationFeeWaived: true, greenChannel: false };
const GREEN: Priority = { ...NO_PRIORITY, greenChannel: true };

describe(BookingTypeormRepository.name, () => {
  let db: SchedulingTestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let schedules: ScheduleTypeormRepository;
  let sut: BookingTypeormRepository;

  beforeAll(async () => {
    // Enough connections for the concurrent claims to meet in the database, not in the pool.
    db = await SchedulingTestDatabase.create('booking_repository', 30);
    ({ dataSource, uow } = db);
    schedules = new ScheduleTypeormRepository(uow);
    sut = new BookingTypeormRepository(uow);
  });

  afterAll(async () => {
    await db?.close();
  });

  /** A session of its own hospital: the first `reserved` of its `capacity` seats are reserved. */
  async function aSession(capacity = 6, reserved = 2): Promise<SessionSnapshot> {
    const session = aSessionSnapshot({ ...onDate('2027-03-02'), capacity, reservedOffered: reserved });
    await uow.run(() => schedules.insertSessionIfAbsent(session));
    return session;
  }

  function aBooking(
    session: SessionSnapshot,
    slotNumber: number,
    pool: Pool,
    overrides: Partial<NewBooking> = {},
  ) {
    return {
      id: uuidv7(),
      sessionId: session.id,
      institutionId: session.institutionId,
      groupId: session.groupId,
      slotNumber,
      pool,
      patientResidentId: aResidentId(),
      referralId: '',
      bookedByInstitutionId: uuidv7(),
      priority: NO_PRIORITY,
      clientRequestId: uuidv7(),
      ...overrides,
    };
  }

  /** Claims a seat of the pool and stores the booking on it, as a claim does. */
  async function book(
    session: SessionSnapshot,
    pool: Pool,
    overrides: Partial<NewBooking> = {},
    hold: Date | null = null,
    now = t0,
  ): Promise<Booking> {
    const input = aBooking(session, 0, pool, overrides);
    const on = (slotNumber: number) =>
      hold ? Booking.hold({ ...input, slotNumber }, hold, now) : Booking.book({ ...input, slotNumber }, now);
    const taken = await uow.run(() => sut.takeSeat(on(0).snapshot()));
    return on(taken!.slotNumber);
  }

  function anEntry(
    session: SessionSnapshot,
    now: Date,
    overrides: Partial<
      Pick<WaitlistEntrySnapshot, 'priority' | 'referralId' | 'patientResidentId' | 'mayTakeReserved'>
    > = {},
  ): WaitlistEntry {
    return WaitlistEntry.join(
      {
        id: uuidv7(),
        sessionId: session.id,
        institutionId: session.institutionId,
        groupId: session.groupId,
        patientResidentId: aResidentId(),
        referralId: '',
        requestedByInstitutionId: uuidv7(),
        mayTakeReserved: false,
        priority: NO_PRIORITY,
        ...overrides,
      },
      now,
    );
  }
  const join = async (entry: WaitlistEntry) => {
    await uow.run(() => sut.insertEntry(entry.snapshot(), uuidv7()));
    return entry.snapshot();
  };

  const seatOf = (sessionId: string, slotNumber: number) =>
    dataSource.query<{ pool: string; booking_id: string | null }[]>(
      `SELECT pool, booking_id FROM seat WHERE session_id = $1 AND slot_number = $2`,
      [sessionId, slotNumber],
    );

  /** A new booking of the pool takes a seat of the session, as a claim's one statement does. */
  const takeSeatIn = (session: SessionSnapshot, pool: Pool, overrides: Partial<NewBooking> = {}) =>
    sut.takeSeat(Booking.book(aBooking(session, 0, pool, overrides), t0).snapshot());

  /** takeSeatIn with the client request its statement records. */
  const takeSeatRecording = (session: SessionSnapshot, pool: Pool, request: ClientRequest) =>
    sut.takeSeat(Booking.book(aBooking(session, 0, pool), t0).snapshot(), request);

  describe('claims', () => {
    it('reads what a claim must know in one go: the session with its free seats, and the patient’s live booking', async () => {
      const session = await aSession(6, 2);
      const booked = await book(session, 'reserved');
      const { patientResidentId } = booked.snapshot();

      const context = await sut.claimContext(session.id, patientResidentId);

      expect(context).toEqual({
        session: { ...session, freeReserved: 1, freePublic: 4 },
        patientHasActive: true,
      });
      expect(await sut.claimContext(session.id, aResidentId())).toMatchObject({ patientHasActive: false });
      expect(await sut.claimContext(uuidv7(), patientResidentId)).toEqual({
        session: null,
        patientHasActive: false,
      });
    });

    it('reads the contexts of claims that arrive together in one statement, each with its own session and patient', async () => {
      const session = await aSession(6, 2);
      const other = await aSession(3, 1);
      const { patientResidentId } = (await book(session, 'public')).snapshot();
      const before = await batchRuns('claim-context');

      const contexts = await Promise.all([
        sut.claimContext(other.id, patientResidentId),
        sut.claimContext(session.id, patientResidentId),
        sut.claimContext(uuidv7(), aResidentId()),
        sut.claimContext(session.id, aResidentId()),
      ]);

      expect(contexts).toEqual([
        { session: { ...other, freeReserved: 1, freePublic: 2 }, patientHasActive: false },
        { session: { ...session, freeReserved: 2, freePublic: 3 }, patientHasActive: true },
        { session: null, patientHasActive: false },
        { session: { ...session, freeReserved: 2, freePublic: 3 }, patientHasActive: false },
      ]);
      expect(await batchRuns('claim-context')).toEqual({ runs: before.runs + 1, items: before.items + 4 });
    });

    it('reads a claim’s context in the caller’s transaction when there is one, seeing what it wrote', async () => {
      const session = aSessionSnapshot({ ...onDate('2027-03-02'), capacity: 4, reservedOffered: 1 });

      const context = await uow.run(async () => {
        await schedules.insertSessionIfAbsent(session);
        return sut.claimContext(session.id, aResidentId());
      });

      expect(context).toEqual({
        session: { ...session, freeReserved: 1, freePublic: 3 },
        patientHasActive: false,
      });
    });

    it('takes the lowest free seat of the pool asked for, and answers none when the pool is sold out', async () => {
      const session = await aSession(4, 2);
      const claim = async (pool: Pool) =>
        (await uow.run(() => takeSeatIn(session, pool)))?.slotNumber ?? null;

      expect([await claim('public'), await claim('reserved'), await claim('public')]).toEqual([3, 1, 4]);
      expect(await claim('public')).toBeNull();
      expect(await claim('reserved')).toBe(2);
      expect(await claim('reserved')).toBeNull();
    });

    it('stores the booking on the seat it takes, with the session as the claim left it, in one statement', async () => {
      const session = await aSession(5, 2);
      const input = aBooking(session, 99, 'reserved', { priority: CONTRACTED });
      const booking = Booking.book(input, t0).snapshot();

      const taken = await sut.takeSeat(booking);

      expect(taken).toEqual({ slotNumber: 1, session: { ...session, freeReserved: 1, freePublic: 3 } });
      expect(await uow.run(() => sut.find(booking.id, false))).toEqual({ ...booking, slotNumber: 1 });
      expect(await seatOf(session.id, 1)).toEqual([{ pool: 'reserved', booking_id: booking.id }]);
    });

    it('records the client request in the statement that takes the seat, and takes nothing for a request recorded before', async () => {
      const session = await aSession(3, 1);
      const request = {
        operation: 'claim-slot',
        clientRequestId: uuidv7(),
        request: { sessionId: session.id },
      };
      const claim = (pool: Pool, toRecord = request) =>
        uow.run(() => takeSeatRecording(session, pool, toRecord));

      const first = await claim('public');
      const retry = await claim('public');
      const another = await claim('reserved', { ...request, clientRequestId: uuidv7() });

      expect(first).toMatchObject({ slotNumber: 2 });
      expect(retry).toBe(RECORDED_BEFORE);
      expect(another).toMatchObject({ slotNumber: 1 });
      const soldOutRequest = { ...request, clientRequestId: uuidv7() };
      expect(await claim('reserved', soldOutRequest)).toBeNull();
      // Recorded all the same: a caller takes another pool's seat in the transaction or rolls it back.
      expect(
        await dataSource.query(`SELECT 1 AS n FROM client_request WHERE client_request_id = $1`, [
          soldOutRequest.clientRequestId,
        ]),
      ).toEqual([{ n: 1 }]);
      const [booked] = await dataSource.query<{ id: string }[]>(
        `SELECT booking_id AS id FROM seat WHERE session_id = $1 AND slot_number = 2`,
        [session.id],
      );
      expect(
        await dataSource.query(
          `SELECT operation, result_id FROM client_request WHERE client_request_id = $1`,
          [request.clientRequestId],
        ),
      ).toEqual([{ operation: 'claim-slot', result_id: booked!.id }]);
      expect(await seatOf(session.id, 3)).toEqual([{ pool: 'public', booking_id: null }]);
    });

    it('takes a later pool’s seat for the booking the first pool’s statement recorded, and a retry finds it', async () => {
      const session = await aSession(2, 1);
      await book(session, 'reserved');
      const request = {
        operation: 'claim-slot',
        clientRequestId: uuidv7(),
        request: { sessionId: session.id },
      };
      const input = aBooking(session, 0, 'reserved');

      // As SeatKeeper.claim tries the pools: the request goes with the first only.
      const taken = await uow.run(async () => {
        expect(await sut.takeSeat(Booking.book(input, t0).snapshot(), request)).toBeNull();
        return sut.takeSeat(Booking.book({ ...input, pool: 'public' }, t0).snapshot());
      });
      const retry = await uow.run(() => takeSeatRecording(session, 'public', request));

      expect(taken).toMatchObject({ slotNumber: 2 });
      expect(retry).toBe(RECORDED_BEFORE);
      expect(
        await dataSource.query(`SELECT result_id FROM client_request WHERE client_request_id = $1`, [
          request.clientRequestId,
        ]),
      ).toEqual([{ result_id: input.id }]);
      expect(await seatOf(session.id, 2)).toEqual([{ pool: 'public', booking_id: input.id }]);
    });

    it('answers each claim of a transaction with its session as a read after it finds it', async () => {
      const session = await aSession(6, 2);

      const [first, second, third] = await uow.run(async () => {
        const views = [];
        for (const pool of ['public', 'reserved', 'public'] as const) {
          const taken = await takeSeatIn(session, pool);
          views.push({ taken: taken!.session, read: await schedules.viewSession(session.id) });
        }
        return views;
      });

      for (const { taken, read } of [first!, second!, third!]) expect(taken).toEqual(read);
      expect(third!.taken).toEqual({ ...session, freeReserved: 1, freePublic: 2 });
    });

    it('refuses a second live booking of a referral, in any session', async () => {
      const referralId = uuidv7();
      await book(await aSession(4, 2), 'reserved', { referralId });
      const other = await aSession(4, 2);

      await expect(takeSeatIn(other, 'reserved', { referralId })).rejects.toMatchObject({
        code: 'REFERRAL_ALREADY_HOLDS',
      });
      expect(await seatOf(other.id, 1)).toEqual([{ pool: 'reserved', booking_id: null }]);
    });

    it('answers a claim for a session id that is no UUID as no session, without failing the claims read with it', async () => {
      const session = await aSession(4, 2);

      const [bad, good] = await Promise.all([
        sut.claimContext('not-a-session', aResidentId()),
        sut.claimContext(session.id, aResidentId()),
      ]);

      expect(bad).toEqual({ session: null, patientHasActive: false });
      expect(good.session?.id).toBe(session.id);
    });

    it('refuses a second live booking of the patient in the session, leaving the seat it would take free', async () => {
      const session = await aSession(5, 2);
      const { patientResidentId } = (await book(session, 'public')).snapshot();

      await expect(takeSeatIn(session, 'public', { patientResidentId })).rejects.toMatchObject({
        code: 'ALREADY_BOOKED_IN_SESSION',
      });
      expect(await seatOf(session.id, 4)).toEqual([{ pool: 'public', booking_id: null }]);
    });

    it('gives each seat to exactly one of many concurrent claims from separate connections', async () => {
      const session = await aSession(10, 2);

      const claims = await Promise.all(
        Array.from({ length: 25 }, () => uow.run(() => takeSeatIn(session, 'public'))),
      );

      const taken = claims.flatMap((claim) => (claim ? [claim.slotNumber] : []));
      expect(taken.sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
      expect(
        await dataSource.query(
          `SELECT count(DISTINCT booking_id)::int AS n FROM seat WHERE session_id = $1`,
          [session.id],
        ),
      ).toEqual([{ n: 8 }]);
    });

    it('lets claims in open transactions skip each other’s seats instead of waiting for them', async () => {
      const session = await aSession(8, 0);
      let claimed = 0;
      let allClaimed!: () => void;
      const barrier = new Promise<void>((resolve) => (allClaimed = resolve));

      // Each transaction stays open until every one has its seat: a claim that waited for
      // another's lock would never get there.
      const claims = await Promise.all(
        Array.from({ length: 8 }, () =>
          uow.run(async () => {
            const taken = await takeSeatIn(session, 'public');
            if (++claimed === 8) allClaimed();
            await barrier;
            return taken?.slotNumber;
          }),
        ),
      );

      expect(claims.sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('claims a freed seat only while it is free', async () => {
      const session = await aSession(4, 0);
      const bookingId = uuidv7();

      expect(await uow.run(() => sut.claimFreedSeat(session.id, 2, bookingId))).toBe(true);
      expect(await uow.run(() => sut.claimFreedSeat(session.id, 2, uuidv7()))).toBe(false);
      expect(await uow.run(() => sut.claimFreedSeat(session.id, 9, uuidv7()))).toBe(false);
      expect(await seatOf(session.id, 2)).toEqual([{ pool: 'public', booking_id: bookingId }]);
    });

    it('frees a seat and answers its pool as it is now', async () => {
      const session = await aSession(4, 2);
      const reserved = await book(session, 'reserved');
      const { slotNumber } = reserved.snapshot();
      await dataSource.query(`UPDATE seat SET pool = 'public' WHERE session_id = $1 AND pool = 'reserved'`, [
        session.id,
      ]);

      expect(await uow.run(() => sut.freeSeat(session.id, slotNumber))).toBe('public');
      expect(await seatOf(session.id, slotNumber)).toEqual([{ pool: 'public', booking_id: null }]);
      expect(await uow.run(() => sut.freeSeat(session.id, 99))).toBeNull();
    });
  });

  describe('bookings', () => {
    it('stores a booking and reads back every field', async () => {
      const session = await aSession();
      const held = await book(session, 'reserved', { referralId: uuidv7(), priority: CONTRACTED }, at(30));

      expect(await sut.find(held.snapshot().id, false)).toEqual(held.snapshot());
      expect(await sut.find(uuidv7(), false)).toBeNull();
    });

    it('refuses a second live booking of a patient in a session, and a second live slot of a referral', async () => {
      const session = await aSession();
      const other = await aSession();
      const first = await book(session, 'public', { referralId: uuidv7() });
      const { patientResidentId, referralId } = first.snapshot();

      const samePatient = uow.run(() =>
        sut.insert(Booking.book(aBooking(session, 5, 'public', { patientResidentId }), t0).snapshot()),
      );
      const sameReferral = uow.run(() =>
        sut.insert(Booking.book(aBooking(other, 5, 'public', { referralId }), t0).snapshot()),
      );

      await expect(samePatient).rejects.toMatchObject({
        code: 'ALREADY_BOOKED_IN_SESSION',
        violations: [expect.objectContaining({ field: 'claim.patientResidentId' })],
      });
      await expect(sameReferral).rejects.toMatchObject({
        code: 'REFERRAL_ALREADY_HOLDS',
        violations: [expect.objectContaining({ field: 'claim.referralId' })],
      });
      first.cancel('changed plans', at(1));
      await uow.run(() => sut.update(first.snapshot(), first.snapshot().version - 1));
      await expect(
        uow.run(() =>
          sut.insert(Booking.book(aBooking(session, 5, 'public', { patientResidentId }), t0).snapshot()),
        ),
      ).resolves.toBeUndefined();
    });

    it('stores a booking’s steps and tells whether a patient holds a live one in a session', async () => {
      const session = await aSession();
      const booking = await book(session, 'public', {}, at(30));
      const { id, patientResidentId } = booking.snapshot();
      expect(await sut.hasActive(session.id, patientResidentId)).toBe(true);

      booking.confirm(at(5));
      await uow.run(() => sut.update(booking.snapshot(), booking.snapshot().version - 1));
      expect(await sut.find(id, false)).toEqual(booking.snapshot());

      booking.cancel('patient called', at(6));
      await uow.run(() => sut.update(booking.snapshot(), booking.snapshot().version - 1));
      expect(await sut.find(id, false)).toEqual(booking.snapshot());
      expect(await sut.hasActive(session.id, patientResidentId)).toBe(false);
      expect(await sut.hasActive(uuidv7(), patientResidentId)).toBe(false);
    });

    it('refuses a step on a booking that changed since it was read (VERSION_CONFLICT), and keeps the other step', async () => {
      const session = await aSession();
      const { id } = (await book(session, 'public', {}, at(30))).snapshot();
      const read = (await sut.find(id, false))!;
      const first = Booking.restore(read);
      first.confirm(at(1));
      await uow.run(() => sut.update(first.snapshot(), first.readVersion));

      const stale = Booking.restore(read);
      stale.cancel('read before the confirmation', at(2));

      await expect(uow.run(() => sut.update(stale.snapshot(), stale.readVersion))).rejects.toMatchObject({
        code: 'VERSION_CONFLICT',
        category: 'conflict',
      });
      expect(await sut.find(id, false)).toEqual(first.snapshot());
    });

    it('locks a session’s live bookings in seat order', async () => {
      const session = await aSession(6, 2);
      const first = await book(session, 'reserved');
      const second = await book(session, 'public');
      const cancelled = await book(session, 'public');
      cancelled.cancel('no', at(1));
      await uow.run(() => sut.update(cancelled.snapshot(), cancelled.snapshot().version - 1));
      await book(await aSession(), 'public');

      expect(await uow.run(() => sut.lockActiveInSession(session.id))).toEqual([
        first.snapshot(),
        second.snapshot(),
      ]);
    });

    it('locks a referral’s live booking', async () => {
      const session = await aSession();
      const referralId = uuidv7();
      const booking = await book(session, 'reserved', { referralId });

      expect(await uow.run(() => sut.lockActiveForReferral(referralId))).toEqual(booking.snapshot());
      booking.cancel('referral cancelled', at(1));
      await uow.run(() => sut.update(booking.snapshot(), booking.snapshot().version - 1));
      expect(await uow.run(() => sut.lockActiveForReferral(referralId))).toBeNull();
    });

    it('locks the holds run out, the earliest first, leaving those another transaction holds', async () => {
      const session = await aSession(8, 0);
      // Earlier than every other test's holds, which the sweep would find too.
      const now = at(-1000);
      const late = await book(session, 'public', {}, at(-1010));
      const early = await book(session, 'public', {}, at(-1090));
      const busy = await book(session, 'public', {}, at(-1095));
      const notYet = await book(session, 'public', {}, at(-990));
      const confirmed = await book(session, 'public', {}, at(-1080));
      confirmed.confirm(at(-1100));
      await uow.run(() => sut.update(confirmed.snapshot(), confirmed.snapshot().version - 1));
      const other = db.holdOpen(() => sut.find(busy.snapshot().id, true));
      await other.ready;

      const firstBatch = await uow.run(() => sut.lockExpiredHolds(now, 1));
      const all = await uow.run(() => sut.lockExpiredHolds(now, 10));
      other.release();
      await other.done;

      expect(firstBatch.map((b) => b.id)).toEqual([early.snapshot().id]);
      expect(all.map((b) => b.id)).toEqual([early.snapshot().id, late.snapshot().id]);
      expect(all.map((b) => b.id)).not.toContain(notYet.snapshot().id);
    });

    it('makes a second locking read of a booking wait until the first transaction ends', async () => {
      const session = await aSession();
      const { id } = (await book(session, 'public', {}, at(30))).snapshot();
      let seen = '';

      const order = await lockOrder(
        (letGo, locked) =>
          uow.run(async () => {
            const found = Booking.restore((await sut.find(id, true))!);
            locked();
            await letGo;
            found.confirm(at(1));
            await sut.update(found.snapshot(), found.readVersion);
          }),
        () =>
          uow.run(async () => {
            seen = (await sut.find(id, true))!.status;
          }),
      );

      expect(order).toEqual(['released', 'holder done', 'waiter done']);
      expect(seen).toBe('booked');
    });
  });

  describe('waitlists', () => {
    it('stores an entry with its request id and reads back every field', async () => {
      const session = await aSession();
      const entry = anEntry(session, t0, {
        referralId: uuidv7(),
        mayTakeReserved: true,
        priority: CONTRACTED,
      });
      const clientRequestId = uuidv7();

      await uow.run(() => sut.insertEntry(entry.snapshot(), clientRequestId));

      expect(await sut.findEntry(entry.snapshot().id, false)).toEqual(entry.snapshot());
      expect(
        await dataSource.query(`SELECT client_request_id FROM waitlist_entry WHERE id = $1`, [
          entry.snapshot().id,
        ]),
      ).toEqual([{ client_request_id: clientRequestId }]);
      expect(await sut.findEntry(uuidv7(), false)).toBeNull();
    });

    it('keeps one waiting place per patient and session', async () => {
      const session = await aSession();
      const first = await join(anEntry(session, t0));
      expect(await sut.hasWaiting(session.id, first.patientResidentId)).toBe(true);

      const again = join(anEntry(session, at(1), { patientResidentId: first.patientResidentId }));

      await expect(again).rejects.toMatchObject({
        code: 'ALREADY_WAITING',
        violations: [expect.objectContaining({ field: 'claim.patientResidentId' })],
      });
      const withdrawn = WaitlistEntry.restore(first);
      withdrawn.withdraw(at(2));
      await uow.run(() => sut.updateEntry(withdrawn.snapshot(), withdrawn.snapshot().version - 1));
      expect(await sut.findEntry(first.id, false)).toEqual(withdrawn.snapshot());
      expect(await sut.hasWaiting(session.id, first.patientResidentId)).toBe(false);
    });

    it('stores an offer', async () => {
      const session = await aSession();
      const entry = WaitlistEntry.restore(await join(anEntry(session, t0)));

      entry.offer(uuidv7(), at(3));
      await uow.run(() => sut.updateEntry(entry.snapshot(), entry.snapshot().version - 1));

      expect(await sut.findEntry(entry.snapshot().id, false)).toEqual(entry.snapshot());
    });

    it('refuses a step on an entry that changed since it was read (VERSION_CONFLICT), and keeps the other step', async () => {
      const session = await aSession();
      const read = await join(anEntry(session, t0));
      const offered = WaitlistEntry.restore(read);
      offered.offer(uuidv7(), at(3));
      await uow.run(() => sut.updateEntry(offered.snapshot(), read.version));

      const stale = WaitlistEntry.restore(read);
      stale.withdraw(at(4));

      await expect(uow.run(() => sut.updateEntry(stale.snapshot(), read.version))).rejects.toMatchObject({
        code: 'VERSION_CONFLICT',
        category: 'conflict',
      });
      expect(await sut.findEntry(read.id, false)).toEqual(offered.snapshot());
    });

    it('locks a session’s waiting entries that may be offered a seat, first come first, leaving those another transaction holds', async () => {
      const session = await aSession(4, 0);
      const other = await aSession(4, 0);
      const second = await join(anEntry(session, at(2)));
      const first = await join(anEntry(session, at(1)));
      const holdsHere = await join(anEntry(session, at(0)));
      await book(session, 'public', { patientResidentId: holdsHere.patientResidentId });
      const referralId = uuidv7();
      const referralHoldsElsewhere = await join(anEntry(session, at(0), { referralId }));
      await book(other, 'public', { referralId });
      const busy = await join(anEntry(session, at(0)));
      const offered = WaitlistEntry.restore(await join(anEntry(session, at(0))));
      offered.offer(uuidv7(), at(1));
      await uow.run(() => sut.updateEntry(offered.snapshot(), offered.snapshot().version - 1));
      await join(anEntry(other, at(0)));
      const holder = db.holdOpen(() => sut.findEntry(busy.id, true));
      await holder.ready;

      const waiting = await uow.run(() => sut.lockWaiting(session.id));
      holder.release();
      await holder.done;

      expect(waiting).toEqual([first, second]);
      expect(waiting.map((e) => e.id)).not.toContain(referralHoldsElsewhere.id);
    });

    it('locks a referral’s waiting entries in every session, leaving those another transaction holds', async () => {
      const referralId = uuidv7();
      const one = await join(anEntry(await aSession(), at(1), { referralId }));
      const two = await join(anEntry(await aSession(), at(2), { referralId }));
      const busy = await join(anEntry(await aSession(), at(3), { referralId }));
      await join(anEntry(await aSession(), at(1), { referralId: uuidv7() }));
      const holder = db.holdOpen(() => sut.findEntry(busy.id, true));
      await holder.ready;

      const waiting = await uow.run(() => sut.lockWaitingForReferral(referralId));
      holder.release();
      await holder.done;

      expect(waiting).toEqual([one, two].sort((a, b) => a.id.localeCompare(b.id)));
    });

    it('answers an entry’s place in its session’s queue: green channel, then contracted, then first come', async () => {
      const session = await aSession();
      const early = await join(anEntry(session, at(1)));
      const contracted = await join(anEntry(session, at(5), { priority: CONTRACTED }));
      const green = await join(anEntry(session, at(9), { priority: GREEN }));
      const late = await join(anEntry(session, at(10)));
      await join(anEntry(await aSession(), at(0), { priority: GREEN }));
      const gone = WaitlistEntry.restore(await join(anEntry(session, at(0), { priority: GREEN })));
      gone.withdraw(at(11));
      await uow.run(() => sut.updateEntry(gone.snapshot(), gone.snapshot().version - 1));

      expect(
        await Promise.all([green, contracted, early, late].map((entry) => sut.positionOf(entry))),
      ).toEqual([1, 2, 3, 4]);
      expect(await sut.positionOf(gone.snapshot())).toBe(0);
    });
  });
});
