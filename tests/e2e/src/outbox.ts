// What a service left in its outbox for one aggregate (the event's message key): a test reads the
// outbox rather than the topic, so it sees the events of its own aggregates only, as soon as they
// are committed.
import { type EventContract } from '@medgrid/contracts';
import { decodeEnvelope, decodePayload } from '@medgrid/messaging';
import { type Client as PgClient } from 'pg';

/** How many events of the type the outbox holds for the aggregate. */
export async function outboxEventCount<T>(
  sql: PgClient,
  messageKey: string,
  event: EventContract<T>,
): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND event_type = $2`,
    [messageKey, event.type],
  );
  return Number(rows[0]!.n);
}

/** The events of the type the outbox holds for the aggregate, decoded, oldest first. */
export async function outboxEvents<T>(
  sql: PgClient,
  messageKey: string,
  event: EventContract<T>,
): Promise<T[]> {
  const { rows } = await sql.query<{ envelope: Buffer }>(
    `SELECT envelope FROM outbox WHERE message_key = $1 AND event_type = $2 ORDER BY seq`,
    [messageKey, event.type],
  );
  return rows.map((row) => decodePayload(event, decodeEnvelope(row.envelope)));
}
