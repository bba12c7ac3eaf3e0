import { describe, expect, it } from 'vitest';
import { type Referral, type ReferralHistoryEntry } from '../api/portal-types';
import { hoursAndMinutes, referralClock } from './referral-clock';

const submittedAt = '2026-12-06T02:00:00.000Z';
const dueAt = '2026-12-08T02:00:00.000Z';

const anUpwardReferral = (overrides: Partial<Referral> = {}): Referral => ({
  id: '01a249a7-7cc2-7699-a124-654191269790',
  direction: 'REFERRAL_DIRECTION_UPWARD',
  status: 'REFERRAL_STATUS_SCHEDULED',
  submittedAt,
  dueAt,
  ...overrides,
});

const aStep = (toStatus: ReferralHistoryEntry['toStatus'], occurredAt: string): ReferralHistoryEntry => ({
  seq: '1',
  referralId: '01a249a7-7cc2-7699-a124-654191269790',
  toStatus,
  occurredAt,
});

describe(referralClock.name, () => {
  it('has no clock before the referral is submitted, nor for a downward referral the rule does not time', () => {
    expect(
      referralClock(anUpwardReferral({ status: 'REFERRAL_STATUS_DRAFT', dueAt: undefined }), [], new Date()),
    ).toBeNull();
    expect(
      referralClock(
        { id: 'x', direction: 'REFERRAL_DIRECTION_DOWNWARD', status: 'REFERRAL_STATUS_ISSUED', submittedAt },
        [],
        new Date(),
      ),
    ).toBeNull();
  });

  it('reads the whole 48 hours at submission', () => {
    const sut = referralClock(anUpwardReferral(), [], new Date(submittedAt));

    expect(sut).toMatchObject({ kind: 'running', overdue: false, minutes: 48 * 60, limitMinutes: 48 * 60 });
  });

  it('counts the time left down in whole minutes, rounding the seconds up', () => {
    const sut = referralClock(anUpwardReferral(), [], new Date('2026-12-07T16:29:30.000Z'));

    expect(sut).toMatchObject({ kind: 'running', overdue: false, minutes: 9 * 60 + 31 });
  });

  it('counts how long an unhandled referral is overdue once its deadline passed', () => {
    const sut = referralClock(anUpwardReferral(), [], new Date('2026-12-08T05:10:20.000Z'));

    expect(sut).toMatchObject({ kind: 'running', overdue: true, minutes: 3 * 60 + 11 });
  });

  it('keeps the breach referral recorded on a referral still owed', () => {
    const sut = referralClock(
      anUpwardReferral({ status: 'REFERRAL_STATUS_ARRIVED', deadlineBreachedAt: '2026-12-08T02:00:05.000Z' }),
      [],
      new Date('2026-12-08T02:30:00.000Z'),
    );

    expect(sut).toMatchObject({ kind: 'running', overdue: true, breachedAt: '2026-12-08T02:00:05.000Z' });
  });

  it('measures a completed referral from submission to the completing step of its history, in time', () => {
    const sut = referralClock(
      anUpwardReferral({ status: 'REFERRAL_STATUS_COMPLETED', closedAt: '2026-12-07T09:00:00.000Z' }),
      [
        aStep('REFERRAL_STATUS_ARRIVED', '2026-12-06T07:00:00.000Z'),
        aStep('REFERRAL_STATUS_COMPLETED', '2026-12-06T07:30:00.000Z'),
      ],
      new Date('2026-12-10T00:00:00.000Z'),
    );

    expect(sut).toEqual({
      kind: 'handled',
      dueAt,
      limitMinutes: 48 * 60,
      handledAt: '2026-12-06T07:30:00.000Z',
      minutesTaken: 5 * 60 + 30,
      inTime: true,
    });
  });

  it('falls back on the closing instant of a completed referral when the history is not at hand', () => {
    const sut = referralClock(
      anUpwardReferral({ status: 'REFERRAL_STATUS_COMPLETED', closedAt: '2026-12-08T06:00:00.000Z' }),
      [],
      new Date('2026-12-10T00:00:00.000Z'),
    );

    expect(sut).toMatchObject({ kind: 'handled', minutesTaken: 52 * 60, inTime: false });
  });

  it('calls a handled referral late when its deadline was breached, with the breach', () => {
    const sut = referralClock(
      anUpwardReferral({
        status: 'REFERRAL_STATUS_COMPLETED',
        deadlineBreachedAt: '2026-12-08T02:01:00.000Z',
      }),
      [aStep('REFERRAL_STATUS_COMPLETED', '2026-12-08T10:00:00.000Z')],
      new Date('2026-12-10T00:00:00.000Z'),
    );

    expect(sut).toMatchObject({
      kind: 'handled',
      minutesTaken: 56 * 60,
      inTime: false,
      breachedAt: '2026-12-08T02:01:00.000Z',
    });
  });

  it('times a downward referral that carries a deadline to its receipt by the primary institution', () => {
    const sut = referralClock(
      {
        id: 'x',
        direction: 'REFERRAL_DIRECTION_DOWNWARD',
        status: 'REFERRAL_STATUS_FOLLOWED_UP',
        submittedAt,
        dueAt,
        arrivedAt: '2026-12-06T20:00:00.000Z',
      },
      [],
      new Date('2026-12-10T00:00:00.000Z'),
    );

    expect(sut).toMatchObject({ kind: 'handled', minutesTaken: 18 * 60, inTime: true });
  });

  it('stops the clock of a declined, cancelled or expired referral', () => {
    for (const status of [
      'REFERRAL_STATUS_DECLINED',
      'REFERRAL_STATUS_CANCELLED',
      'REFERRAL_STATUS_EXPIRED',
    ] as const) {
      expect(
        referralClock(anUpwardReferral({ status }), [], new Date('2026-12-09T00:00:00.000Z')),
      ).toMatchObject({
        kind: 'stopped',
        status,
      });
    }
  });

  it("takes the limit from the referral's own deadline, not a constant", () => {
    const sut = referralClock(
      anUpwardReferral({ dueAt: '2026-12-07T02:00:00.000Z' }),
      [],
      new Date(submittedAt),
    );

    expect(sut).toMatchObject({ limitMinutes: 24 * 60, minutes: 24 * 60 });
  });
});

describe(hoursAndMinutes.name, () => {
  it('splits minutes into whole hours and the minutes over', () => {
    expect(hoursAndMinutes(48 * 60)).toEqual({ hours: 48, minutes: 0 });
    expect(hoursAndMinutes(331)).toEqual({ hours: 5, minutes: 31 });
    expect(hoursAndMinutes(59)).toEqual({ hours: 0, minutes: 59 });
  });
});
