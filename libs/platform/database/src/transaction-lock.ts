import { type EntityManager } from 'typeorm';
import { queryNamed } from './named-query';

/**
 * Waits until no other transaction holds the lock on `key`, then holds it until this transaction
 * ends. Serialises work on one logical thing that may not have a row yet, such as two racing
 * retries of one client request: the second waits, then sees what the first committed.
 */
export async function lockForTransaction(manager: EntityManager, key: string): Promise<void> {
  await queryNamed(manager, `SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))`, { key });
}
