import { type UnitOfWork } from '@medgrid/database';
import { type ClientRequests } from '@medgrid/idempotency';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type ScheduleRepository } from '../../schedules/domain/schedule.repository';
import { type SessionView } from '../../schedules/domain/session';
import { aSession } from '../../schedules/test/session.factory';
import { type BookingChangedDomainEvent, type BookingSnapshot } from '../domain/booking';
import { type BookingEventPublisher } from '../domain/booking-event-publisher';
import { type BookingRepository } from '../domain/booking.repository';
import { aBooking } from '../test/booking.factory';
import { BookingStep } from './booking-step';
import { type SeatKeeper } from './seat-keeper';

const now = new Date('2026-11-23T01:00:00Z'); // Monday 09:00 in Shanghai
const session = aSession();
const staff = anIdentity({
  role: 'hospital-staff',
  institutionId: session.institutionId,
  groupId: session.groupId,
});

/** One stored booking, the writes and announcements of a step on it, in memory. */
function setUp(stored: BookingSnapshot) {
  const writes: { booking: BookingSnapshot; readVersion: number }[] = [];
  const announced: (readonly BookingChangedDomainEvent[])[] = [];
  const bookings = {
    find: () => Promise.resolve(stored),
    update: (booking: BookingSnapshot, readVersion: number) =>
      Promise.resolve(void writes.push({ booking, readVersion })),
  } as unknown as BookingRepository;
  const schedules = {
    viewSession: () => Promise.resolve<SessionView>({ ...session, freeReserved: 0, freePublic: 0 }),
  } as unknown as ScheduleRepository;
  const events = {
    bookingsChanged: (changes: readonly BookingChangedDomainEvent[]) =>
      Promise.resolve(void announced.push(changes)),
  } as unknown as BookingEventPublisher;
  const uow = { run: <T>(work: () => Promise<T>) => work() } as unknown as UnitOfWork;
  const requests = { isRetry: () => Promise.resolve(false) } as unknown as ClientRequests;
  const sut = new BookingStep(uow, bookings, schedules, requests, {} as SeatKeeper, events);
  const confirm = () =>
    sut.run(staff, 'confirm-booking', { clientRequestId: uuidv7(), bookingId: stored.id }, now, (b) =>
      b.confirm(now),
    );
  return { confirm, writes, announced };
}

describe(BookingStep.name, () => {
  it('stores a step against the version it read, and announces it', async () => {
    const held = aBooking(session, 1, 'held', now, { version: 4 });
    const { confirm, writes, announced } = setUp(held);

    const answer = await confirm();

    expect(answer).toMatchObject({ status: 'booked', version: 5 });
    expect(writes).toEqual([{ booking: answer, readVersion: 4 }]);
    expect(announced.flat().map((e) => e.change)).toEqual(['booked']);
  });

  it('answers a step that changes nothing (confirming a booking already booked) with the booking as it is, storing and announcing nothing', async () => {
    const booked = aBooking(session, 1, 'booked', now, { version: 2 });
    const { confirm, writes, announced } = setUp(booked);

    expect(await confirm()).toEqual(booked);
    expect(writes).toEqual([]);
    expect(announced).toEqual([]);
  });
});
