import { type EventContract, type referralV1 } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { metricsRegistry } from '@medgrid/telemetry';
import { waitFor } from '@medgrid/testing';
import { type Kafka, type Message } from 'kafkajs';
import { type DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { decodeEnvelope, decodePayload } from '../envelope';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import { aReferralSubmitted, MessagingTestKit, type ReadMessage } from '../test/messaging-test-kit';
import { OutboxRelay, type OutboxRelaySettings } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

/**
 * A real publisher that counts what it got acknowledged (to see which relay
 * published) and can be slow to reach the broker, as over a busy network.
 */
class CountingPublisher extends KafkaPublisher {
  published = 0;

  constructor(
    kafka: Kafka,
    private readonly latencyMs = 0,
  ) {
    super(kafka);
  }

  override async send(topicMessages: { topic: string; messages: Message[] }[]): Promise<void> {
    if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    await super.send(topicMessages);
    this.published += topicMessages.reduce((sum, batch) => sum + batch.messages.length, 0);
  }
}

const byEventId = (a: { eventId: string }, b: { eventId: string }) => a.eventId.localeCompare(b.eventId);
const gaugeValue = async (name: string): Promise<number> => {
  const { values } = await metricsRegistry.getSingleMetric(name)!.get();
  return values[0]?.value ?? Number.NaN;
};
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe(OutboxRelay.name, () => {
  let kit: MessagingTestKit;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let writer: OutboxWriter;
  const relays: OutboxRelay[] = [];
  const publishers: KafkaPublisher[] = [];

  const settings = (overrides: Partial<OutboxRelaySettings> = {}): OutboxRelaySettings => ({
    service: 'messaging-int',
    pollIntervalMs: 10,
    batchSize: 50,
    ...overrides,
  });

  /** A relay as another replica would run it: its own pool and its own Kafka producer. */
  const aRelay = async (name: string, overrides: Partial<OutboxRelaySettings> = {}, latencyMs = 0) => {
    const ownDataSource = kit.newDataSource();
    await ownDataSource.initialize();
    const publisher = new CountingPublisher(kit.newKafka(name), latencyMs);
    publishers.push(publisher);
    await publisher.connect();
    const relay = new OutboxRelay(ownDataSource, publisher, settings(overrides), kit.logger);
    relays.push(relay);
    return { relay, publisher };
  };

  const anEvent = (aggregateId: string, aggregateVersion: number) => ({
    aggregateId,
    aggregateVersion,
    payload: aReferralSubmitted(aggregateId),
    occurredAt: new Date(),
  });

  const append = (
    contract: EventContract<referralV1.ReferralSubmitted>,
    events: [aggregateId: string, version: number][],
  ) =>
    uow.run(async () => {
      const ids: string[] = [];
      for (const [aggregateId, version] of events)
        ids.push(await writer.append(contract, anEvent(aggregateId, version)));
      return ids;
    });

  /** Versions of each aggregate's events in the order its partition holds them. */
  const versionsByAggregate = (messages: ReadMessage[]) => {
    const byKey = new Map<string, { offset: number; version: number }[]>();
    for (const message of messages) {
      const envelope = decodeEnvelope(message.value!);
      expect(String(message.key)).toBe(envelope.aggregateId);
      const list = byKey.get(envelope.aggregateId) ?? [];
      list.push({ offset: Number(message.offset), version: envelope.aggregateVersion });
      byKey.set(envelope.aggregateId, list);
    }
    return Object.fromEntries(
      [...byKey].map(([key, list]) => [key, list.sort((a, b) => a.offset - b.offset).map((e) => e.version)]),
    );
  };

  beforeAll(async () => {
    kit = await MessagingTestKit.create('outbox_relay');
    dataSource = kit.newDataSource();
    await dataSource.initialize();
    uow = new UnitOfWork(dataSource);
    writer = new OutboxWriter(uow, 'messaging-int');
  });

  beforeEach(async () => {
    await dataSource.query(`TRUNCATE outbox`);
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await Promise.all(publishers.splice(0).map((publisher) => publisher.disconnect()));
  });

  afterAll(async () => {
    await kit?.dispose();
  });

  it('publishes each committed event once, keyed by its aggregate id, and marks it published', async () => {
    const contract = await kit.newTopic();
    const [first, second] = [uuidv7(), uuidv7()];
    const eventIds = await append(contract, [
      [first, 1],
      [first, 2],
      [second, 1],
    ]);
    const { relay: sut } = await aRelay('single');

    expect(await sut.relayOnce()).toBe(3);
    expect(await sut.relayOnce()).toBe(0);

    const messages = await kit.readMessages(contract.topic.name, 3);
    expect(await kit.messageCount(contract.topic.name)).toBe(3);
    const received = messages
      .map((message) => {
        const envelope = decodeEnvelope(message.value!);
        return {
          key: String(message.key),
          headers: {
            eventId: String(message.headers?.['event-id']),
            eventType: String(message.headers?.['event-type']),
          },
          eventId: envelope.eventId,
          type: envelope.type,
          aggregateId: envelope.aggregateId,
          aggregateVersion: envelope.aggregateVersion,
          referralId: decodePayload(contract, envelope).referral?.id,
        };
      })
      .sort(byEventId);
    expect(received).toEqual(
      [
        { eventId: eventIds[0]!, aggregateId: first, aggregateVersion: 1 },
        { eventId: eventIds[1]!, aggregateId: first, aggregateVersion: 2 },
        { eventId: eventIds[2]!, aggregateId: second, aggregateVersion: 1 },
      ]
        .map(({ eventId, aggregateId, aggregateVersion }) => ({
          key: aggregateId,
          headers: { eventId, eventType: contract.type },
          eventId,
          type: contract.type,
          aggregateId,
          aggregateVersion,
          referralId: aggregateId,
        }))
        .sort(byEventId),
    );
    const rows = await dataSource.query<{ published_at: Date | null }[]>(`SELECT published_at FROM outbox`);
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.published_at instanceof Date)).toBe(true);
    expect((await sut.backlog()).pending).toBe(0);
  });

  it('never publishes an event whose transaction rolled back', async () => {
    const contract = await kit.newTopic();
    const [rolledBack, committed] = [uuidv7(), uuidv7()];
    await expect(
      uow.run(async () => {
        await writer.append(contract, anEvent(rolledBack, 1));
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    await append(contract, [[committed, 1]]);
    const { relay: sut } = await aRelay('rollback');

    expect(await sut.relayOnce()).toBe(1);
    expect(await sut.relayOnce()).toBe(0);

    const messages = await kit.readMessages(contract.topic.name, 1);
    expect(messages.map((message) => decodeEnvelope(message.value!).aggregateId)).toEqual([committed]);
    expect(await kit.messageCount(contract.topic.name)).toBe(1);
  });

  it('lets two relays on one outbox publish every event exactly once and in order per aggregate', async () => {
    const contract = await kit.newTopic(3);
    const aggregates = range(1, 10).map(() => uuidv7());
    const versions = range(1, 20);
    // Ten writers at once, one per aggregate, each committing its versions in turn.
    const write = (from: number, to: number) =>
      Promise.all(
        aggregates.map(async (aggregateId) => {
          for (const version of range(from, to)) await append(contract, [[aggregateId, version]]);
        }),
      );
    // A backlog, so both relays find work at once; small batches, so they take turns many times;
    // one replica slow to reach the broker, so a later batch of the other would overtake its batch.
    await write(1, 10);
    const one = await aRelay('replica-one', { batchSize: 7 }, 20);
    const two = await aRelay('replica-two', { batchSize: 7 });
    one.relay.start();
    two.relay.start();

    await write(11, 20);
    await waitFor('the outbox to drain', async () =>
      (await one.relay.backlog()).pending === 0 ? true : undefined,
    );
    await Promise.all([one.relay.stop(), two.relay.stop()]);

    const messages = await kit.readMessages(contract.topic.name, 200);
    expect(await kit.messageCount(contract.topic.name)).toBe(200);
    expect(new Set(messages.map((message) => decodeEnvelope(message.value!).eventId)).size).toBe(200);
    expect(versionsByAggregate(messages)).toEqual(
      Object.fromEntries(aggregates.map((aggregateId) => [aggregateId, versions])),
    );
    expect(one.publisher.published + two.publisher.published).toBe(200);
    // Both replicas took part: the order above was kept across hand-overs, not by one relay alone.
    expect(one.publisher.published).toBeGreaterThan(0);
    expect(two.publisher.published).toBeGreaterThan(0);
  });

  it('publishes as soon as a transaction commits events, not at its next poll, and keeps doing so after losing its listening connection', async () => {
    const contract = await kit.newTopic();
    const aggregateId = uuidv7();
    const { relay: sut } = await aRelay('listening', { pollIntervalMs: 120_000 });
    const listeners = async () =>
      (
        await dataSource.query<{ pid: number }[]>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN medgrid_outbox'`,
        )
      ).map((row) => row.pid);
    sut.start();
    const [listener] = await waitFor('the relay to listen', async () =>
      (await listeners()).length ? listeners() : undefined,
    );
    // The poll interval is two minutes: only the notification can publish within the waits below.
    const within = { timeoutMs: 5_000, intervalMs: 20 };
    const published = (count: number) => async () =>
      (await kit.messageCount(contract.topic.name)) === count ? true : undefined;

    await append(contract, [[aggregateId, 1]]);
    await waitFor('the first event, woken by its commit', published(1), within);

    // A connection PostgreSQL ended (a failover, an idle timeout): the relay listens again on a new one.
    await dataSource.query(`SELECT pg_terminate_backend($1)`, [listener]);
    await waitFor('a new listening connection', async () => {
      const now = await listeners();
      return now.length === 1 && now[0] !== listener ? true : undefined;
    });
    await append(contract, [[aggregateId, 2]]);
    await waitFor('the second event, woken by its commit', published(2), within);
    await sut.stop();

    // Stopping destroys the listening client: its socket closes at once, its backend leaves pg_stat_activity a moment
    // later (a fresh-clone run saw it still there). A client handed back to the pool would stay listening for good.
    await waitFor('the listening connection to be gone', async () =>
      (await listeners()).length === 0 ? true : undefined,
    );
  });

  it('looks for rows nobody told it of only every listening interval while it listens, and every poll interval once it does not', async () => {
    const contract = await kit.newTopic();
    const aggregateId = uuidv7();
    const { relay: sut } = await aRelay('safety-net', {
      pollIntervalMs: 10,
      listeningPollIntervalMs: 120_000,
    });
    const listeners = async () =>
      (
        await dataSource.query<{ pid: number }[]>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN medgrid_outbox'`,
        )
      ).map((row) => row.pid);
    sut.start();
    // Listening as the relay knows it (its LISTEN answered), not only as PostgreSQL shows the statement.
    await waitFor('the relay to listen', () => Promise.resolve(sut.listening || undefined));
    const [listener] = await listeners();
    const published = (count: number) => async () =>
      (await kit.messageCount(contract.topic.name)) === count ? true : undefined;
    await append(contract, [[aggregateId, 1]]);
    await waitFor('the first event, woken by its commit', published(1), { timeoutMs: 5_000, intervalMs: 20 });

    // A row written without a notification (no writer of the platform does that): only a poll finds it.
    await dataSource.query(
      `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope)
       SELECT $1, topic, message_key, event_type, envelope FROM outbox LIMIT 1`,
      [uuidv7()],
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await kit.messageCount(contract.topic.name)).toBe(1);

    // Not listening any more: it looks again at once and every 10 ms until it listens again.
    await dataSource.query(`SELECT pg_terminate_backend($1)`, [listener]);
    await waitFor('the row no notification announced', published(2), { timeoutMs: 5_000, intervalMs: 20 });
  });

  it('keeps measuring the backlog and its oldest row while every batch fails', async () => {
    const contract = await kit.newTopic();
    const aggregateId = uuidv7();
    await append(contract, [
      [aggregateId, 1],
      [aggregateId, 2],
    ]);
    // As if the broker had been unreachable for 90 s already.
    await dataSource.query(
      `UPDATE outbox SET created_at = now() - interval '90 seconds' WHERE published_at IS NULL`,
    );
    const { relay: sut, publisher: brokenPublisher } = await aRelay('unreachable');
    await brokenPublisher.disconnect();

    sut.start();
    const gauges = await waitFor<{ pending: number; oldest: number }>(
      'the backlog gauges after a failed batch',
      async () => {
        const pending = await gaugeValue('medgrid_outbox_pending');
        const oldest = await gaugeValue('medgrid_outbox_oldest_pending_age_seconds');
        return pending === 2 && oldest >= 90 ? { pending, oldest } : undefined;
      },
    );
    await sut.stop();

    expect(gauges.oldest).toBeLessThan(600);
    expect(await kit.messageCount(contract.topic.name)).toBe(0);
  });

  it('leaves events unpublished when publishing fails, and a healthy relay publishes them later', async () => {
    const contract = await kit.newTopic();
    const aggregateId = uuidv7();
    await append(
      contract,
      range(1, 5).map((version) => [aggregateId, version]),
    );
    // A replica whose producer lost its connection to Kafka.
    const { relay: sut, publisher: brokenPublisher } = await aRelay('broken');
    await brokenPublisher.disconnect();

    await expect(sut.relayOnce()).rejects.toThrow(/disconnected/);
    // And again: a failing relay keeps failing, and marks nothing as published.
    await expect(sut.relayOnce()).rejects.toThrow(/disconnected/);

    expect((await sut.backlog()).pending).toBe(5);
    expect(await kit.messageCount(contract.topic.name)).toBe(0);

    const healthy = await aRelay('healthy');
    sut.start();
    healthy.relay.start();
    await waitFor('the healthy relay to publish the backlog', async () =>
      (await healthy.relay.backlog()).pending === 0 ? true : undefined,
    );
    await Promise.all([sut.stop(), healthy.relay.stop()]);

    const messages = await kit.readMessages(contract.topic.name, 5);
    expect(await kit.messageCount(contract.topic.name)).toBe(5);
    expect(versionsByAggregate(messages)).toEqual({ [aggregateId]: range(1, 5) });
    expect(healthy.publisher.published).toBe(5);
  });
});
