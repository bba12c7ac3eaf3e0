import { type UnitOfWork } from '@medgrid/database';
import {
  type ClientRequest,
  ClientRequests,
  fingerprintOf,
  IdempotencyError,
  IdempotencyErrorCode,
} from '@medgrid/idempotency';
import { type KnownInstitution, type RegistryView } from '@medgrid/registry-view';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { clinicInstant } from '../../domain/clinic-time';
import { type ScheduleEventPublisher } from '../../domain/schedule-event-publisher';
import { type ScheduleRepository } from '../../domain/schedule.repository';
import { type SessionChange, type SessionSnapshot, type SessionView } from '../../domain/session';
import { aSession as aSessionOf } from '../../test/session.factory';
import { MoveSessionCommand, type MoveSessionInput } from './move-session.command';
import { MoveSessionUseCase } from './move-session.use-case';
import { SessionBookings } from '../session-bookings';

const now = new Date('2026-11-23T01:00:00Z'); // Monday 09:00 in Shanghai
const hospital: KnownInstitution = {
  id: uuidv7(),
  groupId: uuidv7(),
  level: 'tertiary',
  type: 'general-hospital',
  version: 1,
};
const manager = anIdentity({ role: 'hospital-staff', institutionId: hospital.id, groupId: hospital.groupId });
const DOCTOR = uuidv7();

const aSession = (overrides: Partial<SessionSnapshot> = {}): SessionSnapshot =>
  aSessionOf({
    institutionId: hospital.id,
    groupId: hospital.groupId!,
    practitionerId: DOCTOR,
    ...overrides,
  });

/** A booking as this spec sees it: what the session's bookings port is told about (booking has its own spec). */
interface BookingInSession {
  readonly id: string;
  readonly sessionId: string;
  readonly slotNumber: number;
  readonly status: 'held' | 'booked' | 'cancelled' | 'expired';
}

function aBooking(
  session: SessionSnapshot,
  slotNumber: number,
  status: BookingInSession['status'],
): BookingInSession {
  return { id: uuidv7(), sessionId: session.id, slotNumber, status };
}

/**
 * The session's bookings in memory, behind the port the use case talks to:
 * which it locked, and which it moved with which session (what each booking
 * then does is the booking context's, tested with BookingsInSession).
 */
class InMemorySessionBookings extends SessionBookings {
  readonly moved: { id: string; slot: number; startsAt: Date }[] = [];

  constructor(private readonly world: World) {
    super();
  }

  private live(sessionId: string): BookingInSession[] {
    this.world.locks.push('bookings');
    return [...this.world.bookings.values()]
      .filter((b) => b.sessionId === sessionId && (b.status === 'held' || b.status === 'booked'))
      .sort((a, b) => a.slotNumber - b.slotNumber);
  }

  lockLive(sessionId: string): Promise<number> {
    return Promise.resolve(this.live(sessionId).length);
  }

  moveAll(before: SessionSnapshot, _after: SessionSnapshot, view: SessionView): Promise<number> {
    const live = this.live(before.id);
    for (const b of live) this.moved.push({ id: b.id, slot: b.slotNumber, startsAt: view.startsAt });
    return Promise.resolve(live.length);
  }

  cancelAll(): Promise<number> {
    return Promise.reject(new Error('a move cancels no booking'));
  }

  offerToWaitlist(): Promise<void> {
    return Promise.reject(new Error('a move offers no seat'));
  }
}

/** The client request log in memory: a request by its id, refused as the library refuses a reuse. */
class InMemoryRequests extends ClientRequests {
  readonly seen = new Map<string, { operation: string; resourceId: string; fingerprint: string }>();

  constructor() {
    super({} as UnitOfWork);
  }

  override isRetry(request: ClientRequest, resourceId: string): Promise<boolean> {
    const earlier = this.seen.get(request.clientRequestId);
    const now = { operation: request.operation, resourceId, fingerprint: fingerprintOf(request.request) };
    if (!earlier) {
      this.seen.set(request.clientRequestId, now);
      return Promise.resolve(false);
    }
    if (JSON.stringify(earlier) === JSON.stringify(now)) return Promise.resolve(true);
    return Promise.reject(
      new IdempotencyError(IdempotencyErrorCode.ClientRequestReused, 'used before', 'clientRequestId'),
    );
  }
}

/**
 * Sessions, bookings and events in memory: this spec is about what the use case
 * decides, locks and announces, not about SQL (the repositories have their own).
 */
class World {
  readonly sessions = new Map<string, SessionSnapshot>();
  readonly bookings = new Map<string, BookingInSession>();
  readonly locks: string[] = [];
  readonly sessionBookings = new InMemorySessionBookings(this);
  readonly sessionEvents: { change: SessionChange; session: SessionView }[] = [];
  readonly requests = new InMemoryRequests();
  /** Runs when the seats are locked, as a claim in flight would commit then. */
  onSeatsLocked: () => void = () => undefined;
  transactions = 0;

  add(session: SessionSnapshot, ...bookings: BookingInSession[]): SessionSnapshot {
    this.sessions.set(session.id, session);
    for (const booking of bookings) this.bookings.set(booking.id, booking);
    return session;
  }

  sut(): MoveSessionUseCase {
    const view = (id: string): SessionView | null => {
      const s = this.sessions.get(id);
      return s ? { ...s, freeReserved: 1, freePublic: 2 } : null;
    };
    const schedules = {
      findSession: (id: string, lock: boolean) => {
        if (lock) this.locks.push('session');
        return Promise.resolve(this.sessions.get(id) ?? null);
      },
      viewSession: (id: string) => Promise.resolve(view(id)),
      saveSession: (s: SessionSnapshot) => Promise.resolve(void this.sessions.set(s.id, s)),
      lockSeats: () => {
        this.locks.push('seats');
        this.onSeatsLocked();
        return Promise.resolve({ reserved: 2, public: 4, takenReserved: 0, takenPublic: 0 });
      },
      lockDoctorOverlaps: (q: { practitionerId: string; startsAt: Date; endsAt: Date; exceptId: string }) => {
        this.locks.push('doctor');
        return Promise.resolve(
          [...this.sessions.values()].filter(
            (s) =>
              s.id !== q.exceptId &&
              s.status === 'open' &&
              s.practitionerId === q.practitionerId &&
              s.startsAt < q.endsAt &&
              q.startsAt < s.endsAt,
          ),
        );
      },
    } as unknown as ScheduleRepository;
    const registry = {
      institution: (id: string) => Promise.resolve(id === hospital.id ? hospital : null),
    } as unknown as RegistryView;
    const events = {
      sessionChanged: (change: SessionChange, session: SessionView) =>
        Promise.resolve(void this.sessionEvents.push({ change, session })),
    } as unknown as ScheduleEventPublisher;
    const uow = {
      run: <T>(work: () => Promise<T>) => {
        this.transactions++;
        return work();
      },
    } as unknown as UnitOfWork;
    return new MoveSessionUseCase(uow, schedules, this.sessionBookings, registry, this.requests, events);
  }
}

const toFriday = (sessionId: string, patch: Partial<MoveSessionInput> = {}): MoveSessionCommand =>
  MoveSessionCommand.create({
    clientRequestId: uuidv7(),
    sessionId,
    date: '2026-11-27',
    startTime: '13:30',
    endTime: '17:00',
    reason: '专家外出会诊，改至周五下午',
    ...patch,
  });

describe(MoveSessionUseCase.name, () => {
  it('moves the session and each live booking with it, to the session where it now is', async () => {
    const world = new World();
    const session = aSession();
    const booked = aBooking(session, 1, 'booked');
    const held = aBooking(session, 4, 'held');
    const cancelled = aBooking(session, 2, 'cancelled');
    world.add(session, booked, held, cancelled);

    const result = await world.sut().execute(manager, toFriday(session.id), now);

    expect(result.bookingsMoved).toBe(2);
    expect(result.session).toMatchObject({
      id: session.id,
      date: '2026-11-27',
      startsAt: clinicInstant('2026-11-27', '13:30'),
      endsAt: clinicInstant('2026-11-27', '17:00'),
      changeReason: '专家外出会诊，改至周五下午',
      version: 2,
    });
    expect(world.sessions.get(session.id)).toMatchObject({ date: '2026-11-27', version: 2 });
    expect(world.sessionBookings.moved).toEqual([
      { id: booked.id, slot: 1, startsAt: clinicInstant('2026-11-27', '13:30') },
      { id: held.id, slot: 4, startsAt: clinicInstant('2026-11-27', '13:30') },
    ]);
    expect(world.sessionBookings.moved.map((m) => m.id)).not.toContain(cancelled.id);
    expect(world.sessionEvents.map((e) => [e.change, e.session.date])).toEqual([['moved', '2026-11-27']]);
  });

  it('locks the session, the doctor’s diary, the bookings, then the seats, and reads the bookings again', async () => {
    const world = new World();
    const session = world.add(aSession());

    await world.sut().execute(manager, toFriday(session.id), now);

    expect(world.locks).toEqual(['session', 'doctor', 'bookings', 'seats', 'bookings']);
  });

  it('also moves a booking whose claim was in flight until the seats were locked', async () => {
    const world = new World();
    const session = world.add(aSession());
    const late = aBooking(session, 3, 'booked');
    world.onSeatsLocked = () => world.bookings.set(late.id, late);

    const result = await world.sut().execute(manager, toFriday(session.id), now);

    expect(result.bookingsMoved).toBe(1);
    expect(world.sessionBookings.moved.map((m) => m.id)).toEqual([late.id]);
  });

  it('moves an empty session with only the session event', async () => {
    const world = new World();
    const session = world.add(aSession());

    const result = await world.sut().execute(manager, toFriday(session.id), now);

    expect(result.bookingsMoved).toBe(0);
    expect(world.sessionBookings.moved).toEqual([]);
    expect(world.sessionEvents).toHaveLength(1);
  });

  it('answers a retry with the session as it is and its live bookings, announcing nothing again', async () => {
    const world = new World();
    const session = aSession();
    world.add(session, aBooking(session, 1, 'booked'), aBooking(session, 2, 'booked'));
    const command = toFriday(session.id);
    const sut = world.sut();
    const first = await sut.execute(manager, command, now);

    const retry = await sut.execute(manager, command, new Date(now.getTime() + 60_000));

    expect(retry).toEqual(first);
    expect(world.sessions.get(session.id)!.version).toBe(2);
    expect(world.sessionBookings.moved).toHaveLength(2);
    expect(world.sessionEvents).toHaveLength(1);
  });

  it('refuses a request id used before to move another session, and moves nothing', async () => {
    const world = new World();
    const one = world.add(aSession());
    const other = world.add(aSession({ practitionerId: uuidv7() }));
    const sut = world.sut();
    const command = toFriday(one.id);
    await sut.execute(manager, command, now);

    const reused = toFriday(other.id, { clientRequestId: command.clientRequestId });
    await expect(sut.execute(manager, reused, now)).rejects.toMatchObject({
      code: 'CLIENT_REQUEST_REUSED',
      category: 'invalid-argument',
    });
    expect(world.sessions.get(other.id)).toEqual(other);
  });

  it('refuses a band where the doctor already has an open session, and changes nothing', async () => {
    const world = new World();
    const session = aSession();
    const booked = aBooking(session, 1, 'booked');
    world.add(session, booked);
    const friday = world.add(
      aSession({
        date: '2026-11-27',
        startsAt: clinicInstant('2026-11-27', '14:00'),
        endsAt: clinicInstant('2026-11-27', '17:30'),
      }),
    );

    await expect(world.sut().execute(manager, toFriday(session.id), now)).rejects.toMatchObject({
      code: 'SESSION_OVERLAPS',
      category: 'failed-precondition',
      violations: [expect.objectContaining({ field: 'startTime' })],
      message: expect.stringContaining(friday.id) as string,
    });
    expect(world.sessions.get(session.id)).toEqual(session);
    expect(world.sessionBookings.moved).toEqual([]);
    expect(world.sessionEvents).toEqual([]);
  });

  it('does not look at anyone’s diary for a department session, which names no doctor', async () => {
    const world = new World();
    const session = world.add(aSession({ practitionerId: '' }));
    world.add(
      aSession({
        practitionerId: '',
        date: '2026-11-27',
        startsAt: clinicInstant('2026-11-27', '13:30'),
        endsAt: clinicInstant('2026-11-27', '17:00'),
      }),
    );

    await world.sut().execute(manager, toFriday(session.id), now);

    expect(world.locks).not.toContain('doctor');
    expect(world.sessions.get(session.id)!.date).toBe('2026-11-27');
  });

  it('refuses a session that has started, and announces nothing', async () => {
    const world = new World();
    const session = world.add(aSession({ startsAt: new Date(now.getTime() - 60_000) }));

    await expect(world.sut().execute(manager, toFriday(session.id), now)).rejects.toMatchObject({
      code: 'SESSION_CLOSED',
    });
    expect(world.sessions.get(session.id)).toEqual(session);
    expect(world.sessionEvents).toEqual([]);
  });

  it('refuses staff of another hospital before reading a booking or claiming the request id', async () => {
    const world = new World();
    const session = world.add(aSession());
    const stranger = anIdentity({ role: 'hospital-staff' });

    await expect(world.sut().execute(stranger, toFriday(session.id), now)).rejects.toMatchObject({
      category: 'permission-denied',
      code: 'FORBIDDEN',
    });
    expect(world.requests.seen.size).toBe(0);
    expect(world.locks).toEqual(['session']);
    expect(world.sessions.get(session.id)).toEqual(session);
  });

  it('lets the group’s administrator and a city operator move a session', async () => {
    const world = new World();
    const one = world.add(aSession());
    const two = world.add(aSession({ practitionerId: uuidv7() }));

    await world
      .sut()
      .execute(
        anIdentity({ role: 'group-admin', groupId: hospital.groupId, institutionId: null }),
        toFriday(one.id),
        now,
      );
    await world
      .sut()
      .execute(
        anIdentity({ role: 'city-operator', groupId: null, institutionId: null }),
        toFriday(two.id),
        now,
      );

    expect(world.sessionEvents).toHaveLength(2);
  });

  it('answers NOT_FOUND on the sessionId for an unknown session', async () => {
    const world = new World();

    await expect(world.sut().execute(manager, toFriday(uuidv7()), now)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      violations: [expect.objectContaining({ field: 'sessionId' })],
    });
  });

  it('refuses bad input before opening a transaction, naming every field', () => {
    const world = new World();
    world.sut();
    let refusal: unknown;

    try {
      MoveSessionCommand.create({
        clientRequestId: 'x',
        sessionId: '',
        date: '2026-11-31',
        startTime: '14:00',
        endTime: '13:00',
        reason: '',
      });
    } catch (error) {
      refusal = error;
    }

    expect(refusal).toMatchObject({
      category: 'invalid-argument',
      violations: [
        expect.objectContaining({ field: 'clientRequestId', reason: 'INVALID_FORMAT' }),
        expect.objectContaining({ field: 'sessionId', reason: 'REQUIRED' }),
        expect.objectContaining({ field: 'date', reason: 'INVALID_FORMAT' }),
        expect.objectContaining({ field: 'endTime', reason: 'BEFORE_START' }),
        expect.objectContaining({ field: 'reason', reason: 'REQUIRED' }),
      ],
    });
    expect(world.transactions).toBe(0);
  });
});
