import { perLocalDay } from './per-local-day';

describe(perLocalDay.name, () => {
  const built: string[] = [];
  const sut = perLocalDay((now: Date) => {
    built.push(now.toISOString());
    return { madeAt: now.toISOString() };
  });

  it('builds once for every instant of one local day, and again when the day changes', () => {
    // 2026-12-05 in Shanghai runs from 2026-12-04T16:00Z to 2026-12-05T16:00Z.
    const morning = sut(new Date('2026-12-04T16:00:00Z'));
    const evening = sut(new Date('2026-12-05T15:59:59Z'));
    const nextDay = sut(new Date('2026-12-05T16:00:00Z'));

    expect(evening).toBe(morning);
    expect(nextDay).not.toBe(morning);
    expect(built).toEqual(['2026-12-04T16:00:00.000Z', '2026-12-05T16:00:00.000Z']);
  });
});
