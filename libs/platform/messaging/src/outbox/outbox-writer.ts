import { type EventContract } from '@medgrid/contracts';
import { type UnitOfWork } from '@medgrid/database';
import { captureTraceContext } from '@medgrid/telemetry';
import { v7 as uuidv7 } from 'uuid';
import { encodeEnvelope } from '../envelope';

export interface OutgoingEvent<T> {
  aggregateId: string;
  aggregateVersion: number;
  payload: T;
  occurredAt: Date;
}

/**
 * Appends events to the outbox inside the caller's transaction (style rule
 * 9). It refuses to write outside UnitOfWork.run: an event written in another
 * transaction than its state change could be lost or invented by a crash.
 */
export class OutboxWriter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly producer: string,
  ) {}

  async append<T>(contract: EventContract<T>, event: OutgoingEvent<T>): Promise<string> {
    const manager = this.uow.transactionalManager();
    const eventId = uuidv7();
    const traceContext = captureTraceContext();
    const envelope = encodeEnvelope({
      eventId,
      type: contract.type,
      schemaVersion: contract.schemaVersion,
      occurredAt: event.occurredAt,
      producer: this.producer,
      aggregateId: event.aggregateId,
      aggregateVersion: event.aggregateVersion,
      traceContext,
      payload: Buffer.from(contract.codec.encode(event.payload).finish()),
    });
    await manager.query(
      `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, trace_context)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        eventId,
        contract.topic.name,
        event.aggregateId,
        contract.type,
        envelope,
        JSON.stringify(traceContext),
      ],
    );
    return eventId;
  }
}
