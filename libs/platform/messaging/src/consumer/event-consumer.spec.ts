import { retryDelayMs } from './event-consumer';

describe(retryDelayMs.name, () => {
  it('doubles from the base and stops at the longest, so ten tries of the defaults wait about 26 s', () => {
    const waits = Array.from({ length: 9 }, (_, i) => retryDelayMs(i + 1, 200, 5_000));

    expect(waits).toEqual([200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000, 5_000]);
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBe(26_200);
  });
});
