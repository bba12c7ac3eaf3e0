import { describe, expect, it } from 'vitest';
import { monthPeriods, trendPeriods } from './month-periods';

describe(trendPeriods.name, () => {
  it('runs the trend from the first day of the month n-1 months back through today, across a year end', () => {
    const sut = trendPeriods('2027-01-06', 3);

    expect(sut.trend).toEqual({ from: '2026-11-01', until: '2027-01-06' });
    expect(sut.months).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(sut.lastMonthSoFar).toEqual({ from: '2026-12-01', until: '2026-12-06' });
  });

  it('compares the 31st with the whole of a shorter last month', () => {
    expect(trendPeriods('2027-03-31', 12).lastMonthSoFar).toEqual({
      from: '2027-02-01',
      until: '2027-02-28',
    });
    expect(trendPeriods('2028-03-30', 12).lastMonthSoFar).toEqual({
      from: '2028-02-01',
      until: '2028-02-29',
    });
  });
});

describe(monthPeriods.name, () => {
  it('gives each month its days, a February its 28, and this month up to today', () => {
    expect(monthPeriods('2027-03-06', 2)).toEqual([
      { month: '2027-02', from: '2027-02-01', until: '2027-02-28' },
      { month: '2027-03', from: '2027-03-01', until: '2027-03-06' },
    ]);
  });
});
