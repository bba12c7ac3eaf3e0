import { describe, expect, it } from 'vitest';
import { formatShanghaiDateTime, hoursBetween, shanghaiDate } from './shanghai-time';

describe(formatShanghaiDateTime.name, () => {
  it('shows a UTC instant at Shanghai time (UTC+8), across midnight', () => {
    expect(formatShanghaiDateTime('2026-12-05T16:30:00Z')).toBe('2026-12-06 00:30');
    expect(formatShanghaiDateTime(new Date('2026-12-05T01:05:00.000Z'))).toBe('2026-12-05 09:05');
  });

  it('shows nothing for a missing or malformed instant', () => {
    expect(formatShanghaiDateTime(undefined)).toBe('');
    expect(formatShanghaiDateTime('')).toBe('');
    expect(formatShanghaiDateTime('not a date')).toBe('');
  });
});

describe(shanghaiDate.name, () => {
  it("gives the city's local date, which is a day ahead of UTC from 16:00 UTC", () => {
    expect(shanghaiDate('2026-12-05T15:59:59Z')).toBe('2026-12-05');
    expect(shanghaiDate('2026-12-05T16:00:00Z')).toBe('2026-12-06');
  });
});

describe(hoursBetween.name, () => {
  it('counts hours to one decimal', () => {
    expect(hoursBetween('2026-12-05T00:00:00Z', '2026-12-06T05:30:00Z')).toBe(29.5);
  });
});
