import { defineTopic } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { v7 as uuidv7 } from 'uuid';
import { type DataSource } from 'typeorm';
import { decodeEnvelope, decodePayload } from '../envelope';
import { aReferralSubmitted, MessagingTestKit, referralSubmittedOn } from '../test/messaging-test-kit';
import { OutboxWriter } from './outbox-writer';

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
});
