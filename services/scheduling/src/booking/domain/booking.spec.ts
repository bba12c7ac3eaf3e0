import fc from 'fast-check';
import { BookingError } from './booking-error';
import { Booking, type NewBooking } from './booking';
import { NO_PRIORITY } from './pool';

const now = new Date('2026-11-23T00:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const input: NewBooking = {
  id: 'b1',
  sessionId: 's1',
  institutionId: 'h1',
  groupId: 'g1',
  slotNumber: 3,
  pool: 'reserved',
  patientResidentId: '11010519491231002X',
  referralId: 'r1',
  bookedByInstitutionId: 'p1',
  priority: NO_PRIORITY,
  clientRequestId: 'c1',
};

describe(Booking.name, () => {
  it('records a held event with the expiry', () => {
    const sut = Booking.hold(input, later(10), now);
    const [event] = sut.pullEvents();
    expect(event?.change).toBe('held');
    expect(event?.booking).toMatchObject({ status: 'held', holdExpiresAt: later(10) });
  });

  it('confirms a live hold and forgets its expiry', () => {
    const sut = Booking.hold(input, later(10), now);
    sut.pullEvents();
    sut.confirm(later(5));
    expect(sut.snapshot()).toMatchObject({ status: 'booked', holdExpiresAt: null, version: 2 });
    expect(sut.pullEvents().map((e) => e.change)).toEqual(['booked']);
  });

  it('refuses to confirm a hold that has run out', () => {
    const sut = Booking.hold(input, later(10), now);
    expect(() => sut.confirm(later(10))).toThrow(expect.objectContaining({ code: 'HOLD_EXPIRED' }) as Error);
    expect(sut.snapshot().status).toBe('held');
  });

  it('treats confirming a booked booking as done (a retried confirm)', () => {
    const sut = Booking.book(input, now);
    sut.pullEvents();
    sut.confirm(later(1));
    expect(sut.pullEvents()).toEqual([]);
  });

  it('expires a hold only once its time has come', () => {
    const sut = Booking.hold(input, later(10), now);
    expect(() => sut.expire(later(9))).toThrow(BookingError);
    sut.expire(later(10));
    expect(sut.snapshot().status).toBe('expired');
  });

  it('cancels a held or booked booking with its reason, and refuses twice', () => {
    const sut = Booking.book(input, now);
    sut.cancel('患者取消', later(1));
    expect(sut.snapshot()).toMatchObject({ status: 'cancelled', cancelReason: '患者取消' });
    expect(() => sut.cancel('again', later(2))).toThrow(/cannot cancel a booking that is cancelled/);
  });

  it('tells an active booking its session moved, and leaves a finished one alone', () => {
    const sut = Booking.book(input, now);
    sut.pullEvents();
    sut.sessionMoved(later(1), { endsAt: later(600) }, { endsAt: later(900) });
    expect(sut.pullEvents().map((e) => e.change)).toEqual(['session-moved']);
    sut.cancel('x', later(2));
    sut.pullEvents();
    sut.sessionMoved(later(3), { endsAt: later(900) }, { endsAt: later(1200) });
    expect(sut.pullEvents()).toEqual([]);
  });

  it("moves a referral's hold, which lasts until the session ends, with the session's end", () => {
    const sut = Booking.hold(input, later(600), now);
    sut.sessionMoved(later(1), { endsAt: later(600) }, { endsAt: later(2040) });
    expect(sut.snapshot().holdExpiresAt).toEqual(later(2040));
    sut.sessionMoved(later(2), { endsAt: later(2040) }, { endsAt: later(300) });
    expect(sut.snapshot().holdExpiresAt).toEqual(later(300));
  });

  it('keeps a short hold when the session moves later, and cuts it to the end of a session moved earlier', () => {
    const later30 = Booking.hold(input, later(10), now);
    later30.sessionMoved(later(1), { endsAt: later(600) }, { endsAt: later(2040) });
    expect(later30.snapshot().holdExpiresAt).toEqual(later(10));
    const earlier = Booking.hold(input, later(10), now);
    earlier.sessionMoved(later(1), { endsAt: later(600) }, { endsAt: later(5) });
    expect(earlier.snapshot().holdExpiresAt).toEqual(later(5));
    const booked = Booking.book(input, now);
    booked.sessionMoved(later(1), { endsAt: later(600) }, { endsAt: later(5) });
    expect(booked.snapshot().holdExpiresAt).toBeNull();
  });

  it('never leaves a final state and bumps the version on every change (random sequences)', () => {
    const action = fc.constantFrom('confirm', 'cancel', 'expire', 'moved');
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(action, fc.integer({ min: 0, max: 30 })), { maxLength: 12 }),
        (held, steps) => {
          const sut = held ? Booking.hold(input, later(10), now) : Booking.book(input, now);
          let final = false;
          for (const [step, minute] of steps) {
            const before = sut.snapshot();
            try {
              if (step === 'confirm') sut.confirm(later(minute));
              if (step === 'cancel') sut.cancel('x', later(minute));
              if (step === 'expire') sut.expire(later(minute));
              if (step === 'moved')
                sut.sessionMoved(later(minute), { endsAt: later(60) }, { endsAt: later(90) });
            } catch (error) {
              expect(error).toBeInstanceOf(BookingError);
              expect(sut.snapshot()).toEqual(before);
              continue;
            }
            const after = sut.snapshot();
            if (final) expect(after.status).toBe(before.status);
            expect(after.version).toBeGreaterThanOrEqual(before.version);
            final = after.status === 'cancelled' || after.status === 'expired';
          }
        },
      ),
    );
  });
});
