import { errorChain } from './error-chain';

/** SQLSTATEs of transactions that collided with others: 40P01 deadlock detected, 40001 serialization failure. */
const COLLIDED = new Set(['40P01', '40001']);

/**
 * True when the database ended the transaction because it collided with a concurrent one (a deadlock, a
 * serialization failure): nothing is wrong with the work, and the same work run again, alone, succeeds. A consumer
 * does not count such a failure against the event's attempts. Looks through TypeORM's `driverError` and an error's
 * `cause`.
 */
export function isConcurrencyConflict(error: unknown): boolean {
  for (const { code } of errorChain(error)) if (typeof code === 'string' && COLLIDED.has(code)) return true;
  return false;
}
