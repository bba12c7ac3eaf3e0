import { addDays, addMonths, ageOn, isLocalDate, isoWeekday, localDate } from './local-date';

describe(localDate.name, () => {
  const sut = localDate;

  it('gives the Shanghai date of an instant, not the UTC one', () => {
    expect(sut(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24');
    expect(sut(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });

  it('checks real calendar dates', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2027-2-1')).toBe(false);
  });

  it('adds months clamped to the end of the month, and days', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-23', 12)).toBe('2027-11-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('gives the ISO weekday, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('counts completed years of age', () => {
    expect(ageOn('1961-11-24', '2026-11-23')).toBe(64);
    expect(ageOn('1961-11-23', '2026-11-23')).toBe(65);
  });
});
