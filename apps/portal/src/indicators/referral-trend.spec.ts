import { describe, expect, it } from 'vitest';
import { type ReferralMonthFigures } from '../api/portal-types';
import { formatGrowth, growth, inTimeShare, referralMonths } from './referral-trend';

describe(referralMonths.name, () => {
  const row = (month: string, groupId: string, up: boolean, counts: Partial<ReferralMonthFigures>) => ({
    month,
    groupId,
    direction: up ? ('REFERRAL_DIRECTION_UPWARD' as const) : ('REFERRAL_DIRECTION_DOWNWARD' as const),
    ...counts,
  });

  it('sums the groups in scope per month, fills months without referrals with zeros, and ignores other months', () => {
    const figures = [
      row('2026-11', 'a', true, { referrals: 3, handledInTime: 2, breached: 1 }),
      row('2026-11', 'b', true, { referrals: 5 }),
      row('2026-11', 'a', false, { referrals: 2, handledInTime: 1 }),
      row('2026-12', 'c', true, { referrals: 7 }),
      row('2026-08', 'a', true, { referrals: 9 }),
    ];

    expect(referralMonths(figures, ['2026-10', '2026-11'], (group) => group !== 'b')).toEqual([
      { month: '2026-10', upward: 0, downward: 0, handledInTime: 0, breached: 0 },
      { month: '2026-11', upward: 3, downward: 2, handledInTime: 3, breached: 1 },
    ]);
    expect(referralMonths(figures, ['2026-12'])[0]!.upward).toBe(7);
  });
});

describe(growth.name, () => {
  it('is the change against the base, and nothing without a base', () => {
    expect(growth(15, 12)).toBeCloseTo(0.25);
    expect(growth(6, 12)).toBeCloseTo(-0.5);
    expect(growth(4, 0)).toBeNull();
  });

  it('is written with its sign and one decimal', () => {
    expect(formatGrowth(0.25)).toBe('+25.0%');
    expect(formatGrowth(-0.125)).toBe('−12.5%');
    expect(formatGrowth(0.00001)).toBe('0.0%');
  });
});

describe(inTimeShare.name, () => {
  const month = (handledInTime: number, breached: number) => ({
    month: '2026-11',
    upward: 0,
    downward: 0,
    handledInTime,
    breached,
  });

  it('rates the referrals handled in time among those handled in time or breached, over every month', () => {
    expect(inTimeShare([month(3, 1), month(5, 1)])).toEqual({ handledInTime: 8, breached: 2, rate: 0.8 });
    expect(inTimeShare([month(0, 0)]).rate).toBeNull();
  });
});
