import { retryDelayMs, waitHeartbeating } from './event-consumer';

describe(retryDelayMs.name, () => {
  it('doubles from the base and stops at the longest, so ten tries of the defaults wait about 26 s', () => {
    const waits = Array.from({ length: 9 }, (_, i) => retryDelayMs(i + 1, 200, 5_000));

    expect(waits).toEqual([200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000, 5_000]);
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBe(26_200);
  });
});

describe(waitHeartbeating.name, () => {
  it('heartbeats at least every second while it waits, and keeps waiting when a heartbeat fails', async () => {
    const beats: number[] = [];
    const started = Date.now();

    await waitHeartbeating(2_500, () => {
      beats.push(Date.now() - started);
      return beats.length === 2 ? Promise.reject(new Error('rebalancing')) : Promise.resolve();
    });

    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
    expect(beats.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...beats.slice(1).map((t, i) => t - beats[i]!))).toBeLessThan(1_500);
  });
});
