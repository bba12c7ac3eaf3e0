/** How many failed sign-ins in a row lock an account, and for how long. */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockMs: number;
}

/** An account's failed sign-ins since its last success, and the end of its lock if any. */
export interface LockState {
  readonly failedAttempts: number;
  readonly lockedUntil: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && now.getTime() < state.lockedUntil.getTime();
}

/**
 * The state after one more failure. The failure that reaches the limit locks the account and
 * starts the count again, so a lock that has run out gives the full number of tries, not one.
 * A failure while locked does not lengthen the lock: a stranger guessing cannot keep the owner
 * out for longer than one lock at a time.
 */
export function afterFailure(state: LockState, now: Date, policy: LockoutPolicy): LockState {
  if (isLocked(state, now)) return state;
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= policy.maxFailures) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.lockMs) };
  }
  return { failedAttempts, lockedUntil: null };
}

/** A successful sign-in forgets the failures. */
export const UNLOCKED: LockState = { failedAttempts: 0, lockedUntil: null };
