/** SQLSTATEs of transactions that collided with others: 40P01 deadlock detected, 40001 serialization failure. */
const COLLIDED = new Set(['40P01', '40001']);

/**
 * True when the database ended the transaction because it collided with a concurrent one (a deadlock, a
 * serialization failure): nothing is wrong with the work, and the same work run again, alone, succeeds. A consumer
 * does not count such a failure against the event's attempts. Looks through TypeORM's `driverError` and an error's
 * `cause`.
 */
export function isConcurrencyConflict(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Object; depth++) {
    const { code, driverError, cause } = current as {
      code?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && COLLIDED.has(code)) return true;
    current = driverError ?? cause;
  }
  return false;
}
