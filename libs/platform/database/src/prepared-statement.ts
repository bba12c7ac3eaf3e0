import { createHash } from 'node:crypto';
import { type EntityManager } from 'typeorm';

const names = new Map<string, string>();

/**
 * Runs `text` as a named prepared statement: PostgreSQL parses and plans it once per pooled connection,
 * not on every call (the planning of a look-up's multi-table insert costs more than its execution). For a
 * service's few hottest statements, whose text is fixed: every distinct text stays prepared on every
 * connection for the connection's life. Goes through TypeORM's `query`, which hands the statement to the
 * pg driver as it is (a `{ name, text }` query config) and so still turns a failure into QueryFailedError.
 */
export function queryPrepared(manager: EntityManager, text: string, values: unknown[]): Promise<unknown> {
  let name = names.get(text);
  if (name === undefined) {
    // The name is the text's: one text, one name on every connection (pg refuses a name reused for another text).
    name = `medgrid_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
    names.set(text, name);
  }
  return manager.query({ name, text } as unknown as string, values);
}

/** One statement, prepared (queryPrepared) or not: the one switch queryNamed and AtomicInserts share. */
export function queryMaybePrepared(
  manager: EntityManager,
  text: string,
  values: unknown[],
  prepared: boolean | undefined,
): Promise<unknown> {
  return prepared ? queryPrepared(manager, text, values) : manager.query(text, values);
}
