import { type EventContract } from '@medgrid/contracts';
import { type AtomicInserts, queryNamed, type UnitOfWork } from '@medgrid/database';
import { captureTraceContext } from '@medgrid/telemetry';
import { v7 as uuidv7 } from 'uuid';
import { encodeEnvelope } from '../envelope';
import { OutboxOrmEntity } from './outbox.orm-entity';

/** The PostgreSQL channel on which a transaction that wrote events wakes the outbox relays of its database. */
export const OUTBOX_CHANNEL = 'medgrid_outbox';

export interface OutgoingEvent<T> {
  aggregateId: string;
  aggregateVersion: number;
  payload: T;
  occurredAt: Date;
}

/**
 * Appends events to the outbox inside the caller's transaction, so a state
 * change and its events commit together. It refuses to write outside
 * UnitOfWork.run: an event written in another transaction than its state
 * change could be lost or invented by a crash.
 */
export class OutboxWriter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly producer: string,
  ) {}

  async append<T>(contract: EventContract<T>, event: OutgoingEvent<T>): Promise<string> {
    const [eventId] = await this.appendMany(contract, [event]);
    return eventId!;
  }

  /**
   * Appends many events of one type in a single statement (bulk loads and
   * imports); same transaction rule as `append`. Returns the event ids in order.
   */
  async appendMany<T>(contract: EventContract<T>, events: readonly OutgoingEvent<T>[]): Promise<string[]> {
    const manager = this.uow.transactionalManager();
    if (events.length === 0) return [];
    const traceContext = captureTraceContext();
    const { ids, envelopes } = this.encode(contract, events, traceContext);
    // unnest keeps the statement's parameter count fixed however many rows;
    // WITH ORDINALITY keeps the outbox sequence in the order given. The same
    // statement notifies the relays (OUTBOX_CHANNEL), without a round trip of its
    // own: PostgreSQL delivers a notification only when the transaction commits,
    // and once however many events it wrote.
    await queryNamed(
      manager,
      `WITH inserted AS (
         INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, trace_context)
         SELECT e.id, :topic, e.key, :type, e.envelope, :traceContext::jsonb
           FROM unnest(:ids::uuid[], :keys::text[], :envelopes::bytea[]) WITH ORDINALITY AS e(id, key, envelope, n)
          ORDER BY e.n
         RETURNING 1
       )
       SELECT pg_notify(:channel, '') FROM (SELECT count(*) AS n FROM inserted) AS written WHERE written.n > 0`,
      {
        channel: OUTBOX_CHANNEL,
        topic: contract.topic.name,
        type: contract.type,
        traceContext: JSON.stringify(traceContext),
        ids,
        keys: events.map((event) => event.aggregateId),
        envelopes,
      },
    );
    return ids;
  }

  /**
   * Stages the events' outbox rows, in order, in a one-statement write (AtomicInserts) with the rows of the change
   * that caused them, and the relays' wake-up with them: the change and its events land together or not at all, as
   * in a transaction. Returns the event ids in order.
   */
  stage<T>(
    inserts: AtomicInserts,
    contract: EventContract<T>,
    events: readonly OutgoingEvent<T>[],
  ): string[] {
    if (events.length === 0) return [];
    const traceContext = captureTraceContext();
    const { ids, envelopes } = this.encode(contract, events, traceContext);
    inserts.add(
      OutboxOrmEntity,
      ...events.map((event, i) =>
        Object.assign(new OutboxOrmEntity(), {
          eventId: ids[i]!,
          topic: contract.topic.name,
          messageKey: event.aggregateId,
          eventType: contract.type,
          envelope: envelopes[i]!,
          traceContext,
        }),
      ),
    );
    inserts.notify(OUTBOX_CHANNEL);
    return ids;
  }

  private encode<T>(
    contract: EventContract<T>,
    events: readonly OutgoingEvent<T>[],
    traceContext: Record<string, string>,
  ): { ids: string[]; envelopes: Buffer[] } {
    const ids = events.map(() => uuidv7());
    const envelopes = events.map((event, i) =>
      encodeEnvelope({
        eventId: ids[i]!,
        type: contract.type,
        schemaVersion: contract.schemaVersion,
        occurredAt: event.occurredAt,
        producer: this.producer,
        aggregateId: event.aggregateId,
        aggregateVersion: event.aggregateVersion,
        traceContext,
        payload: Buffer.from(contract.codec.encode(event.payload).finish()),
      }),
    );
    return { ids, envelopes };
  }
}
