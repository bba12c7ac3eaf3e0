import { describe, expect, it } from 'vitest';
import { type Referral } from '../api/portal-types';
import { isOverdue, referralIndicators } from './referral-indicators';

const now = new Date('2026-12-06T04:00:00Z');
let next = 0;
const referral = (overrides: Partial<Referral>): Referral => ({
  id: `0193a000-0000-7000-8000-${String((next += 1)).padStart(12, '0')}`,
  direction: 'REFERRAL_DIRECTION_UPWARD',
  status: 'REFERRAL_STATUS_SUBMITTED',
  ...overrides,
});

describe(referralIndicators.name, () => {
  it('counts referrals up and down', () => {
    const sut = referralIndicators(
      [
        referral({}),
        referral({}),
        referral({ direction: 'REFERRAL_DIRECTION_DOWNWARD', status: 'REFERRAL_STATUS_ISSUED' }),
      ],
      now,
    );

    expect(sut.upward).toBe(2);
    expect(sut.downward).toBe(1);
  });

  it('rates referrals handled within 48 hours against those whose deadline was breached', () => {
    const sut = referralIndicators(
      [
        referral({ status: 'REFERRAL_STATUS_COMPLETED', dueAt: '2026-12-05T00:00:00Z' }),
        referral({ status: 'REFERRAL_STATUS_COMPLETED', dueAt: '2026-12-05T00:00:00Z' }),
        referral({
          direction: 'REFERRAL_DIRECTION_DOWNWARD',
          status: 'REFERRAL_STATUS_RECEIVED',
          dueAt: '2026-12-05T00:00:00Z',
        }),
        // Completed, but only after the deadline was breached: late, not in time.
        referral({
          status: 'REFERRAL_STATUS_COMPLETED',
          dueAt: '2026-12-04T00:00:00Z',
          deadlineBreachedAt: '2026-12-04T00:01:00Z',
        }),
      ],
      now,
    );

    expect(sut.handledInTime).toBe(3);
    expect(sut.breached).toBe(1);
    expect(sut.inTimeRate).toBe(0.75);
    expect(sut.overdue).toBe(0);
  });

  it('leaves referrals still within their 48 hours out of the rate, as pending', () => {
    const sut = referralIndicators([referral({ dueAt: '2026-12-07T00:00:00Z' }), referral({})], now);

    expect(sut.pending).toBe(1);
    expect(sut.inTimeRate).toBeNull();
  });

  it('lists as overdue a referral past its deadline that is neither handled nor finished', () => {
    const late = referral({ status: 'REFERRAL_STATUS_SCHEDULED', dueAt: '2026-12-06T03:00:00Z' });
    const breachedAndWaiting = referral({
      status: 'REFERRAL_STATUS_ACCEPTED',
      dueAt: '2026-12-04T00:00:00Z',
      deadlineBreachedAt: '2026-12-04T00:01:00Z',
    });
    const cancelled = referral({ status: 'REFERRAL_STATUS_CANCELLED', dueAt: '2026-12-04T00:00:00Z' });

    expect(isOverdue(late, now)).toBe(true);
    expect(isOverdue(breachedAndWaiting, now)).toBe(true);
    expect(isOverdue(cancelled, now)).toBe(false);
    expect(referralIndicators([late, breachedAndWaiting, cancelled], now).overdue).toBe(2);
  });
});
