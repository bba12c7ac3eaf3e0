import { CommonError, CommonErrorCode } from './common-error';
import {
  effectivePeriodViolations,
  inForce,
  inPeriod,
  monthPeriod,
  overlaps,
  overlapViolations,
} from './effective-period';

describe(effectivePeriodViolations.name, () => {
  const sut = effectivePeriodViolations;

  it('takes a start and an optional later end', () => {
    expect(sut({ from: '2026-01-01', until: null }, 'rows[0]')).toEqual([]);
    expect(sut({ from: '2026-01-01', until: '2027-01-01' }, 'rows[0]')).toEqual([]);
  });

  it('names a date that is not one and an end on or before the start', () => {
    expect(
      sut({ from: '2026-02-30', until: '2026-01-01' }, 'rows[0]').map((v) => [v.field, v.reason]),
    ).toEqual([
      ['rows[0].from', CommonErrorCode.InvalidDate],
      ['rows[0].until', CommonErrorCode.EmptyPeriod],
    ]);
    expect(sut({ from: '2026-01-01', until: '2026-01-01' }, 'p')[0]?.reason).toBe(
      CommonErrorCode.EmptyPeriod,
    );
  });
});

describe(inForce.name, () => {
  it('is in force from its first day up to, not including, its end', () => {
    const period = { from: '2026-01-01', until: '2027-01-01' };
    expect(inForce(period, '2025-12-31')).toBe(false);
    expect(inForce(period, '2026-01-01')).toBe(true);
    expect(inForce(period, '2026-12-31')).toBe(true);
    expect(inForce(period, '2027-01-01')).toBe(false);
    expect(inForce({ from: '2026-01-01', until: null }, '2099-01-01')).toBe(true);
  });
});

describe(overlaps.name, () => {
  it('sees a shared day, and none when one ends where the next starts', () => {
    expect(overlaps({ from: '2026-01-01', until: '2026-07-01' }, { from: '2026-07-01', until: null })).toBe(
      false,
    );
    expect(overlaps({ from: '2026-01-01', until: '2026-07-02' }, { from: '2026-07-01', until: null })).toBe(
      true,
    );
    expect(overlaps({ from: '2026-01-01', until: null }, { from: '2020-01-01', until: null })).toBe(true);
  });
});

describe(overlapViolations.name, () => {
  const sut = overlapViolations;

  it('names each entry overlapping an earlier one of the same key, and lets other keys share dates', () => {
    const rows = [
      { key: 'a', from: '2026-01-01', until: '2027-01-01' },
      { key: 'b', from: '2026-01-01', until: null },
      { key: 'a', from: '2027-01-01', until: null },
      { key: 'a', from: '2026-06-01', until: '2026-07-01' },
    ];

    const violations = sut(rows, (r) => r.key, 'rows');

    expect(violations.map((v) => [v.field, v.reason])).toEqual([
      ['rows[3].from', CommonErrorCode.OverlappingEffectiveDates],
    ]);
    expect(violations[0]?.description).toContain('rows[0]');
  });
});

describe(monthPeriod.name, () => {
  it('is the calendar month, December running into the next year', () => {
    expect(monthPeriod('2026-11')).toEqual({ from: '2026-11-01', until: '2026-12-01' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', until: '2027-01-01' });
    expect(inPeriod(monthPeriod('2026-11'), '2026-11-30')).toBe(true);
    expect(inPeriod(monthPeriod('2026-11'), '2026-12-01')).toBe(false);
  });

  it('refuses what is not a month', () => {
    expect(() => monthPeriod('2026-13')).toThrow(CommonError);
  });
});
