import { afterFailure, isLocked, type LockoutPolicy, UNLOCKED } from './lockout';

describe('lockout', () => {
  const policy: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };
  const now = new Date('2026-12-05T08:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('counts failures below the limit without locking', () => {
    let state = UNLOCKED;
    for (let i = 0; i < 4; i++) state = afterFailure(state, now, policy);

    expect(state).toEqual({ failedAttempts: 4, lockedUntil: null });
    expect(isLocked(state, now)).toBe(false);
  });

  it('locks for 15 minutes at the fifth failure in a row and starts the count again', () => {
    const state = afterFailure({ failedAttempts: 4, lockedUntil: null }, now, policy);

    expect(state).toEqual({ failedAttempts: 0, lockedUntil: later(15 * 60_000) });
    expect(isLocked(state, later(15 * 60_000 - 1))).toBe(true);
    expect(isLocked(state, later(15 * 60_000))).toBe(false);
  });

  it('does not lengthen a lock for failures while locked', () => {
    const locked = { failedAttempts: 0, lockedUntil: later(60_000) };

    expect(afterFailure(locked, now, policy)).toBe(locked);
  });

  it('gives the full number of tries again once a lock has run out', () => {
    const expired = { failedAttempts: 0, lockedUntil: now };

    expect(afterFailure(expired, now, policy)).toEqual({ failedAttempts: 1, lockedUntil: null });
  });
});
