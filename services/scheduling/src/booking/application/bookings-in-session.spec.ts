import { v7 as uuidv7 } from 'uuid';
import { clinicInstant } from '../../schedules/domain/clinic-time';
import { type SessionSnapshot, type SessionView } from '../../schedules/domain/session';
import { aSession } from '../../schedules/test/session.factory';
import { type BookingChangedDomainEvent, type BookingSnapshot } from '../domain/booking';
import { type BookingEventPublisher } from '../domain/booking-event-publisher';
import { type BookingRepository } from '../domain/booking.repository';
import { aBooking as aBookingAt } from '../test/booking.factory';
import { BookingsInSession } from './bookings-in-session';
import { type ReferralHolds } from './referral-holds';
import { type SeatKeeper } from './seat-keeper';

const now = new Date('2026-11-23T01:00:00Z'); // Monday 09:00 in Shanghai
const aBooking = (
  session: SessionSnapshot,
  slot: number,
  status: BookingSnapshot['status'],
  referralId = '',
) => aBookingAt(session, slot, status, now, { referralId });

const viewOf = (session: SessionSnapshot): SessionView => ({ ...session, freeReserved: 0, freePublic: 0 });

/** Bookings, their events and the referral holds they end, in memory. */
function setUp(...stored: BookingSnapshot[]) {
  const bookings = new Map(stored.map((b) => [b.id, b]));
  const announced: { events: readonly BookingChangedDomainEvent[]; session: SessionView }[] = [];
  const holdsEnded: string[] = [];
  const repository = {
    lockActiveInSession: (sessionId: string) =>
      Promise.resolve(
        [...bookings.values()]
          .filter((b) => b.sessionId === sessionId && (b.status === 'held' || b.status === 'booked'))
          .sort((a, b) => a.slotNumber - b.slotNumber),
      ),
    update: (b: BookingSnapshot) => Promise.resolve(void bookings.set(b.id, b)),
  } as unknown as BookingRepository;
  const events = {
    bookingsChanged: (e: readonly BookingChangedDomainEvent[], session: SessionView) =>
      Promise.resolve(void announced.push({ events: e, session })),
  } as unknown as BookingEventPublisher;
  const referralHolds = {
    slotEnded: (b: BookingSnapshot) => Promise.resolve(void (b.referralId && holdsEnded.push(b.referralId))),
  } as unknown as ReferralHolds;
  const sut = new BookingsInSession(repository, {} as SeatKeeper, referralHolds, events);
  return { sut, bookings, announced, holdsEnded };
}

const changes = (announced: { events: readonly BookingChangedDomainEvent[]; session: SessionView }[]) =>
  announced.flatMap(({ events, session }) =>
    events.map((e) => ({
      change: e.change,
      id: e.booking.id,
      slot: e.booking.slotNumber,
      startsAt: session.startsAt,
    })),
  );

describe(BookingsInSession.name, () => {
  it('moves each live booking with its session, announcing it as moved with the session where it now is', async () => {
    const before = aSession();
    const after = {
      ...before,
      date: '2026-11-27',
      startsAt: clinicInstant('2026-11-27', '13:30'),
      endsAt: clinicInstant('2026-11-27', '17:00'),
      version: 2,
    };
    const booked = aBooking(before, 1, 'booked');
    const held = aBooking(before, 4, 'held');
    const cancelled = { ...aBooking(before, 2, 'cancelled'), cancelReason: '患者取消' };
    const { sut, bookings, announced } = setUp(booked, held, cancelled);

    const moved = await sut.moveAll(before, after, viewOf(after), now);

    expect(moved).toBe(2);
    expect(changes(announced)).toEqual([
      { change: 'session-moved', id: booked.id, slot: 1, startsAt: clinicInstant('2026-11-27', '13:30') },
      { change: 'session-moved', id: held.id, slot: 4, startsAt: clinicInstant('2026-11-27', '13:30') },
    ]);
    expect(bookings.get(booked.id)).toMatchObject({ status: 'booked', version: 2, updatedAt: now });
    expect(bookings.get(held.id)).toMatchObject({ status: 'held', holdExpiresAt: held.holdExpiresAt });
    expect(bookings.get(cancelled.id)).toEqual(cancelled);
  });

  it('cancels each live booking of a closed session with its reason, and ends the holds of their referrals', async () => {
    const session = aSession();
    const referralId = uuidv7();
    const referred = aBooking(session, 1, 'booked', referralId);
    const held = aBooking(session, 3, 'held');
    const { sut, bookings, announced, holdsEnded } = setUp(referred, held);
    const closed = viewOf({ ...session, status: 'cancelled', changeReason: '专家停诊', version: 2 });

    const cancelled = await sut.cancelAll(closed, '专家停诊', now);

    expect(cancelled).toBe(2);
    expect(changes(announced).map((c) => [c.change, c.id])).toEqual([
      ['session-cancelled', referred.id],
      ['session-cancelled', held.id],
    ]);
    expect(bookings.get(referred.id)).toMatchObject({ status: 'cancelled', cancelReason: '专家停诊' });
    expect(holdsEnded).toEqual([referralId]);
  });

  it('counts the live bookings it locks', async () => {
    const session = aSession();
    const { sut } = setUp(aBooking(session, 1, 'booked'), aBooking(session, 2, 'expired'));

    expect(await sut.lockLive(session.id)).toBe(1);
  });
});
