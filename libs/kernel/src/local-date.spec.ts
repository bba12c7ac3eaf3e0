import { addDays, addMonths, ageOn, isLocalDate, isoWeekday, localDate, startOfLocalDay } from './local-date';

describe(startOfLocalDay.name, () => {
  it('gives the UTC instant of midnight in Shanghai, which is the local date of that instant and not of the one before', () => {
    const start = startOfLocalDay('2026-12-01');

    expect(start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(localDate(start)).toBe('2026-12-01');
    expect(localDate(new Date(start.getTime() - 1))).toBe('2026-11-30');
  });
});

describe(localDate.name, () => {
  const sut = localDate;

  it('gives the Shanghai date of an instant, not the UTC one', () => {
    expect(sut(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24');
    expect(sut(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });

  it('gives the date the time-zone database gives, on either side of each local midnight, from 1992 to 2100', () => {
    const byIntl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const instants: Date[] = [];
    for (let day = Date.UTC(1991, 11, 25); day < Date.UTC(2100, 0, 8); day += 13 * 86_400_000) {
      const midnight = day - 8 * 3_600_000; // 00:00 in Shanghai
      for (const offset of [-1, 0, 1, 7 * 3_600_000, 86_400_000 - 1])
        instants.push(new Date(midnight + offset));
    }

    expect(instants.map(sut)).toEqual(instants.map((instant) => byIntl.format(instant)));
  });

  it('gives the date of an instant before 1992, when Shanghai kept summer time, as the time-zone database does', () => {
    // 1988-07-01 23:30 China Daylight Time (UTC+9) is 14:30 UTC: still 1 July there.
    expect(sut(new Date('1988-07-01T14:30:00Z'))).toBe('1988-07-01');
    expect(sut(new Date('1988-07-01T15:30:00Z'))).toBe('1988-07-02');
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
