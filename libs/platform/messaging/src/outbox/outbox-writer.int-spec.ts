import { defineTopic } from '@medgrid/contracts';
import { AtomicInserts, UnitOfWork } from '@medgrid/database';
import { type Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { type DataSource } from 'typeorm';
import { decodeEnvelope, decodePayload } from '../envelope';
import { aReferralSubmitted, MessagingTestKit, referralSubmittedOn } from '../test/messaging-test-kit';
import { OUTBOX_CHANNEL, OutboxWriter } from './outbox-writer';

interface OutboxRow {
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  envelope: Buffer;
  published_at: Date | null;
}

// The topic need not exist: the writer only records the event; the relay publishes it.
const contract = referralSubmittedOn(
  defineTopic({ name: 'medgrid.test.outbox-writer.v1', partitions: 1, compacted: false, retentionDays: 1 }),
);

describe(OutboxWriter.name, () => {
  let kit: MessagingTestKit;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let sut: OutboxWriter;

  const anEvent = (aggregateId: string, aggregateVersion = 1) => ({
    aggregateId,
    aggregateVersion,
    payload: aReferralSubmitted(aggregateId),
    occurredAt: new Date('2026-11-23T08:30:00.000Z'),
  });
  const outboxRows = (aggregateId: string) =>
    dataSource.query<OutboxRow[]>(
      `SELECT event_id, topic, message_key, event_type, envelope, published_at
         FROM outbox WHERE message_key = $1 ORDER BY seq`,
      [aggregateId],
    );

  beforeAll(async () => {
    kit = await MessagingTestKit.create('outbox_writer');
    dataSource = kit.newDataSource();
    await dataSource.initialize();
    uow = new UnitOfWork(dataSource);
    sut = new OutboxWriter(uow, 'messaging-int');
  });

  afterAll(async () => {
    await kit?.dispose();
  });

  it('refuses to append outside UnitOfWork.run and writes nothing', async () => {
    const aggregateId = uuidv7();

    await expect(sut.append(contract, anEvent(aggregateId))).rejects.toThrow(/inside UnitOfWork\.run/);

    expect(await outboxRows(aggregateId)).toEqual([]);
  });

  it("writes the event in the caller's transaction: invisible to others until it commits", async () => {
    const aggregateId = uuidv7();

    const seenFromOutside = await uow.run(async () => {
      await sut.append(contract, anEvent(aggregateId));
      // The pool's manager is another connection, outside this transaction.
      return (await outboxRows(aggregateId)).length;
    });

    expect(seenFromOutside).toBe(0);
    expect(await outboxRows(aggregateId)).toHaveLength(1);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const aggregateId = uuidv7();

    await expect(
      uow.run(async () => {
        await sut.append(contract, anEvent(aggregateId));
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');

    expect(await outboxRows(aggregateId)).toEqual([]);
  });

  it('stores an unpublished row keyed by the aggregate id whose envelope decodes to the event', async () => {
    const aggregateId = uuidv7();
    const event = anEvent(aggregateId, 7);

    const eventId = await uow.run(() => sut.append(contract, event));

    const [row, ...others] = await outboxRows(aggregateId);
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      event_id: eventId,
      topic: contract.topic.name,
      message_key: aggregateId,
      event_type: contract.type,
      published_at: null,
    });
    const envelope = decodeEnvelope(row!.envelope);
    expect(envelope).toMatchObject({
      eventId,
      type: contract.type,
      schemaVersion: 1,
      producer: 'messaging-int',
      aggregateId,
      aggregateVersion: 7,
      occurredAt: event.occurredAt,
    });
    expect(decodePayload(contract, envelope)).toEqual(event.payload);
  });

  it('appends many events in one statement, in the order given, each with its own id', async () => {
    const aggregateId = uuidv7();
    const events = [1, 2, 3, 4].map((version) => anEvent(aggregateId, version));

    const ids = await uow.run(() => sut.appendMany(contract, events));

    const rows = await outboxRows(aggregateId);
    expect(rows.map((row) => row.event_id)).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
    expect(rows.map((row) => decodeEnvelope(row.envelope).aggregateVersion)).toEqual([1, 2, 3, 4]);
  });

  it('stages events in a one-statement write with the rows of their change: written in order, relays woken', async () => {
    const aggregateId = uuidv7();
    // A relay's listening session: told nothing, a relay would wait for its next poll.
    const relay = await (dataSource.driver as unknown as { master: Pool }).master.connect();
    try {
      let wakes = 0;
      relay.on('notification', (message) => (wakes += message.channel === OUTBOX_CHANNEL ? 1 : 0));
      await relay.query(`LISTEN ${OUTBOX_CHANNEL}`);
      const inserts = new AtomicInserts();
      const first = sut.stage(inserts, contract, [anEvent(aggregateId, 1), anEvent(aggregateId, 2)]);
      const third = anEvent(aggregateId, 3);
      const second = sut.stage(inserts, contract, [third]);
      expect(await outboxRows(aggregateId)).toEqual([]);

      await inserts.write(dataSource.manager);

      // A notification reaches a listening session before the answer to its next statement.
      await relay.query('SELECT 1');
      expect(wakes).toBe(1);
      const rows = await outboxRows(aggregateId);
      expect(rows.map((row) => row.event_id)).toEqual([...first, ...second]);
      expect(rows.map((row) => decodeEnvelope(row.envelope).aggregateVersion)).toEqual([1, 2, 3]);
      expect(rows[0]).toMatchObject({
        topic: contract.topic.name,
        event_type: contract.type,
        published_at: null,
      });
      expect(decodePayload(contract, decodeEnvelope(rows[2]!.envelope))).toEqual(third.payload);
    } finally {
      relay.release(true);
    }
  });
});
