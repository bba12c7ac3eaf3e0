import { deadLetterTopicName, type EventContract, type referralV1 } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { AppError } from '@medgrid/errors';
import { metricsRegistry } from '@medgrid/telemetry';
import { waitFor } from '@medgrid/testing';
import { type KafkaMessage } from 'kafkajs';
import { type DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { decodeEnvelope, encodeEnvelope, type EventEnvelope } from '../envelope';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import { aReferralSubmitted, MessagingTestKit } from '../test/messaging-test-kit';
import { EventConsumer, type EventConsumerSettings } from './event-consumer';
import { type EventHandler } from './event-handler';

type ReferralSubmitted = referralV1.ReferralSubmitted;

/** What the test handler does with an event, chosen by the referral's `reason`. */
const Behaviour = {
  apply: 'apply',
  failOnce: 'fail-once',
  failAlways: 'fail-always',
  refuse: 'refuse',
  hang: 'hang',
  databaseDownFourTimes: 'database-down-four-times',
  /** Not wanted by a handler that states what it wants (see `aConsumer`'s `wantsAll`). */
  unwanted: 'unwanted',
} as const;

/**
 * Records each event it applies in `applied_event`, through the consumer's
 * transaction, before it fails (if it is told to): a failed attempt's row
 * must roll back with the attempt.
 */
class RecordingHandler implements EventHandler<ReferralSubmitted> {
  /** handle() calls per event id. */
  readonly attempts = new Map<string, number>();
  /** Lets a hanging handle() return. */
  release: () => void = () => undefined;
  /** Set to make it state which events it applies. */
  wants?: (payload: ReferralSubmitted) => boolean;
  private readonly hung = new Promise<void>((resolve) => (this.release = resolve));

  constructor(
    readonly contract: EventContract<ReferralSubmitted>,
    private readonly uow: UnitOfWork,
  ) {}

  async handle(payload: ReferralSubmitted, envelope: EventEnvelope): Promise<void> {
    const attempt = (this.attempts.get(envelope.eventId) ?? 0) + 1;
    this.attempts.set(envelope.eventId, attempt);
    await this.uow
      .transactionalManager()
      .query(`INSERT INTO applied_event (event_id, referral_id, attempt) VALUES ($1, $2, $3)`, [
        envelope.eventId,
        payload.referral?.id,
        attempt,
      ]);
    switch (payload.referral?.reason) {
      case Behaviour.failAlways:
        throw new Error('the slot register did not answer');
      case Behaviour.failOnce:
        if (attempt === 1) throw new Error('the slot register did not answer');
        return;
      case Behaviour.refuse:
        throw new AppError('invalid-argument', 'RECEIVING_INSTITUTION_UNKNOWN', 'no such institution');
      case Behaviour.hang:
        return this.hung;
      case Behaviour.databaseDownFourTimes:
        if (attempt <= 4)
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return;
      default:
        return;
    }
  }
}

/** The lag the consumer last measured for its group on a topic. */
const measuredLag = async (groupId: string, topic: string) =>
  (await metricsRegistry.getSingleMetric('medgrid_events_consumer_lag')!.get()).values.find(
    ({ labels }) => labels.consumer_group === groupId && labels.topic === topic,
  )?.value;

const headersOf = (message: KafkaMessage) =>
  Object.fromEntries(Object.entries(message.headers ?? {}).map(([key, value]) => [key, String(value)]));

describe(EventConsumer.name, () => {
  let kit: MessagingTestKit;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let sender: KafkaPublisher;
  let deadLetters: KafkaPublisher;
  const consumers: EventConsumer[] = [];

  /** A consumer in a new group on a new one-partition topic (so events arrive in send order). */
  const aConsumer = async (settings: Partial<EventConsumerSettings> = {}, { wantsAll = true } = {}) => {
    const contract = await kit.newTopic(1);
    const handler = new RecordingHandler(contract, uow);
    if (!wantsAll) {
      handler.wants = (payload: ReferralSubmitted) => payload.referral?.reason !== Behaviour.unwanted;
    }
    const groupId = kit.newGroupId('consumer');
    const sut = new EventConsumer(
      kit.newKafka('consumer'),
      uow,
      deadLetters,
      [handler],
      { groupId, maxAttempts: 3, retryBaseDelayMs: 10, lagIntervalMs: 50, ...settings },
      kit.logger,
    );
    consumers.push(sut);
    await sut.start();
    return { sut, contract, handler, groupId };
  };

  const anEnvelope = (contract: EventContract<ReferralSubmitted>, behaviour: string): EventEnvelope => {
    const referralId = uuidv7();
    return {
      eventId: uuidv7(),
      type: contract.type,
      schemaVersion: contract.schemaVersion,
      occurredAt: new Date(),
      producer: 'referral',
      aggregateId: referralId,
      aggregateVersion: 1,
      traceContext: {},
      payload: Buffer.from(contract.codec.encode(aReferralSubmitted(referralId, behaviour)).finish()),
    };
  };

  const send = (contract: EventContract<ReferralSubmitted>, envelopes: EventEnvelope[]) =>
    sender.send([
      {
        topic: contract.topic.name,
        messages: envelopes.map((envelope) => ({
          key: envelope.aggregateId,
          value: encodeEnvelope(envelope),
        })),
      },
    ]);

  /** Attempts whose writes committed for an event. */
  const appliedAttempts = async (eventId: string) =>
    (
      await dataSource.query<{ attempt: number }[]>(
        `SELECT attempt FROM applied_event WHERE event_id = $1 ORDER BY id`,
        [eventId],
      )
    ).map((row) => row.attempt);

  const inboxRows = async (groupId: string, eventId: string) =>
    (
      await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND event_id = $2`,
        [groupId, eventId],
      )
    )[0]!.n;

  /** Events of a partition are handled in order: once a later one is applied, the earlier ones are done. */
  const waitUntilApplied = (envelope: EventEnvelope) =>
    waitFor(`event ${envelope.eventId} to be applied`, async () =>
      (await appliedAttempts(envelope.eventId)).length > 0 ? true : undefined,
    );

  beforeAll(async () => {
    kit = await MessagingTestKit.create('event_consumer');
    dataSource = kit.newDataSource();
    await dataSource.initialize();
    await dataSource.query(`
      CREATE TABLE applied_event (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id    uuid NOT NULL,
        referral_id uuid NOT NULL,
        attempt     int NOT NULL
      )`);
    uow = new UnitOfWork(dataSource);
    sender = new KafkaPublisher(kit.newKafka('sender'));
    deadLetters = new KafkaPublisher(kit.newKafka('dead-letters'));
    await Promise.all([sender.connect(), deadLetters.connect()]);
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  });

  afterAll(async () => {
    await Promise.all([sender?.disconnect(), deadLetters?.disconnect()]);
    await kit?.dispose();
  });

  // In runs of 50 both copies come in one run: the run's one inbox insert keeps one row and the first copy applies it.
  it.each([1, 50])(
    'applies an event delivered twice only once (runs of up to %i events)',
    async (batchSize) => {
      const { contract, handler, groupId } = await aConsumer({ batchSize });
      const event = anEnvelope(contract, Behaviour.apply);
      const later = anEnvelope(contract, Behaviour.apply);

      await send(contract, [event, event, later]);
      await waitUntilApplied(later);

      expect(handler.attempts.get(event.eventId)).toBe(1);
      expect(await appliedAttempts(event.eventId)).toEqual([1]);
      expect(await inboxRows(groupId, event.eventId)).toBe(1);
    },
  );

  it('acknowledges an event its handler does not want without a transaction or an inbox row, and applies the next', async () => {
    const { contract, handler, groupId } = await aConsumer({}, { wantsAll: false });
    const unwanted = anEnvelope(contract, Behaviour.unwanted);
    const later = anEnvelope(contract, Behaviour.apply);

    await send(contract, [unwanted, later]);
    await waitUntilApplied(later);

    expect(handler.attempts.has(unwanted.eventId)).toBe(false);
    expect(await appliedAttempts(unwanted.eventId)).toEqual([]);
    expect(await inboxRows(groupId, unwanted.eventId)).toBe(0);
    expect(await inboxRows(groupId, later.eventId)).toBe(1);
  });

  it('retries a handler that keeps failing maxAttempts times, then parks the event on the dead-letter topic and moves on', async () => {
    const { contract, handler, groupId } = await aConsumer();
    const failing = anEnvelope(contract, Behaviour.failAlways);
    const later = anEnvelope(contract, Behaviour.apply);

    await send(contract, [failing, later]);
    await waitUntilApplied(later);

    expect(handler.attempts.get(failing.eventId)).toBe(3);
    const deadLetterTopic = deadLetterTopicName(contract.topic.name);
    const [dead] = await kit.readMessages(deadLetterTopic, 1);
    expect(await kit.messageCount(deadLetterTopic)).toBe(1);
    expect(String(dead!.key)).toBe(failing.aggregateId);
    expect(decodeEnvelope(dead!.value!)).toEqual(failing);
    expect(headersOf(dead!)).toEqual({
      'dlt-reason': 'HANDLER_FAILED',
      'dlt-error': 'the slot register did not answer',
      'dlt-consumer': groupId,
      'dlt-original-topic': contract.topic.name,
      'dlt-original-offset': '0',
    });
    expect(await inboxRows(groupId, failing.eventId)).toBe(0);
  });

  it('keeps its place in the group while it retries an event for longer than the session timeout', async () => {
    // 6 s is the least session timeout the broker takes; the retries wait 4 s and then 5 s between three attempts.
    const { contract, handler, groupId } = await aConsumer({
      sessionTimeoutMs: 6_000,
      retryBaseDelayMs: 4_000,
    });
    const admin = kit.kafka.admin();
    await admin.connect();
    try {
      const members = async () => (await admin.describeGroups([groupId])).groups[0]?.members ?? [];
      const [before] = await waitFor('the consumer to join its group', async () => {
        const joined = await members();
        return joined.length === 1 ? joined : undefined;
      });
      const failing = anEnvelope(contract, Behaviour.failAlways);
      const later = anEnvelope(contract, Behaviour.apply);

      await send(contract, [failing, later]);
      await waitUntilApplied(later);

      // Silent for 9 s, the member would have been dropped: a new member id, and the event delivered again.
      expect((await members()).map((m) => m.memberId)).toEqual([before!.memberId]);
      expect(handler.attempts.get(failing.eventId)).toBe(3);
      expect(await kit.messageCount(deadLetterTopicName(contract.topic.name))).toBe(1);
    } finally {
      await admin.disconnect();
    }
  }, 60_000);

  it('waits out a database that is down for longer than its retries, spending none of them, and applies the event', async () => {
    const { contract, handler, groupId } = await aConsumer();
    const event = anEnvelope(contract, Behaviour.databaseDownFourTimes);

    await send(contract, [event]);
    await waitUntilApplied(event);

    // maxAttempts is 3: counted, the four failures would have parked the event.
    expect(handler.attempts.get(event.eventId)).toBe(5);
    expect(await inboxRows(groupId, event.eventId)).toBe(1);
    expect(await kit.messageCount(deadLetterTopicName(contract.topic.name))).toBe(0);
  });

  it('sends an event its handler refuses as invalid to the dead-letter topic without retrying', async () => {
    const { contract, handler, groupId } = await aConsumer();
    const refused = anEnvelope(contract, Behaviour.refuse);
    const later = anEnvelope(contract, Behaviour.apply);

    await send(contract, [refused, later]);
    await waitUntilApplied(later);

    expect(handler.attempts.get(refused.eventId)).toBe(1);
    const [dead] = await kit.readMessages(deadLetterTopicName(contract.topic.name), 1);
    expect(decodeEnvelope(dead!.value!).eventId).toBe(refused.eventId);
    expect(headersOf(dead!)).toMatchObject({
      'dlt-reason': 'RECEIVING_INSTITUTION_UNKNOWN',
      'dlt-error': 'no such institution',
      'dlt-consumer': groupId,
    });
  });

  it("rolls back the handler's writes and the inbox row together when the handler fails", async () => {
    const { contract, handler, groupId } = await aConsumer();
    const failing = anEnvelope(contract, Behaviour.failAlways);
    const flaky = anEnvelope(contract, Behaviour.failOnce);

    await send(contract, [failing, flaky]);
    await waitUntilApplied(flaky);

    // Three attempts wrote a row each; none of them committed, nor did an inbox row.
    expect(handler.attempts.get(failing.eventId)).toBe(3);
    expect(await appliedAttempts(failing.eventId)).toEqual([]);
    expect(await inboxRows(groupId, failing.eventId)).toBe(0);
    // The first attempt's write and inbox row rolled back, so the retry could apply it.
    expect(await appliedAttempts(flaky.eventId)).toEqual([2]);
    expect(await inboxRows(groupId, flaky.eventId)).toBe(1);
  });

  describe('in runs of several events a transaction', () => {
    /** The transactions that committed the events' writes (PostgreSQL's xmin of each row), in the order applied. */
    const transactionsOf = async (envelopes: EventEnvelope[]) =>
      (
        await dataSource.query<{ event_id: string; tx: string }[]>(
          `SELECT event_id, xmin::text AS tx FROM applied_event WHERE event_id = ANY($1::uuid[]) ORDER BY id`,
          [envelopes.map((envelope) => envelope.eventId)],
        )
      ).map((row) => row.tx);

    const appliedOrder = async (envelopes: EventEnvelope[]) =>
      (
        await dataSource.query<{ event_id: string }[]>(
          `SELECT event_id FROM applied_event WHERE event_id = ANY($1::uuid[]) ORDER BY id`,
          [envelopes.map((envelope) => envelope.eventId)],
        )
      ).map((row) => row.event_id);

    it('applies events fetched together in one transaction, in partition order, each with its inbox row', async () => {
      const { contract, handler, groupId } = await aConsumer({ batchSize: 50 });
      const events = Array.from({ length: 8 }, () => anEnvelope(contract, Behaviour.apply));

      await send(contract, events);
      await waitUntilApplied(events[7]!);

      expect(await appliedOrder(events)).toEqual(events.map((event) => event.eventId));
      // One send is one record batch, fetched at once: fewer commits than events (one, unless a fetch split it).
      expect(new Set(await transactionsOf(events)).size).toBeLessThan(events.length);
      for (const event of events) {
        expect(handler.attempts.get(event.eventId)).toBe(1);
        expect(await inboxRows(groupId, event.eventId)).toBe(1);
      }
    });

    it('retries a failing event alone, its try in the run counted, and applies the events around it once', async () => {
      const { contract, handler, groupId } = await aConsumer({ batchSize: 50 });
      const before = [anEnvelope(contract, Behaviour.apply), anEnvelope(contract, Behaviour.apply)];
      const failing = anEnvelope(contract, Behaviour.failAlways);
      const flaky = anEnvelope(contract, Behaviour.failOnce);
      const after = anEnvelope(contract, Behaviour.apply);

      await send(contract, [...before, failing, flaky, after]);
      await waitUntilApplied(after);

      // maxAttempts is 3: the run's try and two alone, then the dead-letter topic; nothing of it committed.
      expect(handler.attempts.get(failing.eventId)).toBe(3);
      expect(await appliedAttempts(failing.eventId)).toEqual([]);
      expect(await inboxRows(groupId, failing.eventId)).toBe(0);
      expect(await kit.messageCount(deadLetterTopicName(contract.topic.name))).toBe(1);
      // The events before it were tried in the failed run and applied again without it: committed once.
      for (const event of [...before, after]) {
        expect(await appliedAttempts(event.eventId)).toHaveLength(1);
        expect(await inboxRows(groupId, event.eventId)).toBe(1);
      }
      expect(await appliedAttempts(flaky.eventId)).toEqual([2]);
      expect(await appliedOrder([...before, flaky, after])).toEqual(
        [...before, flaky, after].map((event) => event.eventId),
      );
    });

    it("tries an event refused in company alone before it parks it: the refusal may have been the company's doing", async () => {
      const { contract, handler } = await aConsumer({ batchSize: 50 });
      const before = anEnvelope(contract, Behaviour.apply);
      const refused = anEnvelope(contract, Behaviour.refuse);
      const after = anEnvelope(contract, Behaviour.apply);

      await send(contract, [before, refused, after]);
      await waitUntilApplied(after);

      // Once in the run, once alone (refused again: parked at once, no retries).
      expect(handler.attempts.get(refused.eventId)).toBe(2);
      const [dead] = await kit.readMessages(deadLetterTopicName(contract.topic.name), 1);
      expect(decodeEnvelope(dead!.value!).eventId).toBe(refused.eventId);
      expect(await appliedAttempts(before.eventId)).toHaveLength(1);
    });

    it('parks a message that is not an envelope and applies the events on either side of it', async () => {
      const { contract, groupId } = await aConsumer({ batchSize: 50 });
      const first = anEnvelope(contract, Behaviour.apply);
      const last = anEnvelope(contract, Behaviour.apply);

      await sender.send([
        {
          topic: contract.topic.name,
          messages: [
            { key: first.aggregateId, value: encodeEnvelope(first) },
            { key: 'garbage', value: Buffer.from([0xff, 0xfe, 0x00, 0x01]) },
            { key: last.aggregateId, value: encodeEnvelope(last) },
          ],
        },
      ]);
      await waitUntilApplied(last);

      expect(await inboxRows(groupId, first.eventId)).toBe(1);
      const [dead] = await kit.readMessages(deadLetterTopicName(contract.topic.name), 1);
      expect(String(dead!.key)).toBe('garbage');
      expect(headersOf(dead!)).toMatchObject({
        'dlt-reason': 'UNDECODABLE_ENVELOPE',
        'dlt-original-offset': '1',
      });
    });
  });

  it('measures its lag at the broker while a handler hangs, and none once it has caught up', async () => {
    const { contract, handler, groupId } = await aConsumer();
    const hung = anEnvelope(contract, Behaviour.hang);
    const behind = [1, 2, 3, 4].map(() => anEnvelope(contract, Behaviour.apply));
    await send(contract, [hung, ...behind]);
    await waitFor('the handler to hang', () =>
      Promise.resolve(handler.attempts.has(hung.eventId) ? true : undefined),
    );

    // Nothing committed yet: the hung event and the four behind it.
    await waitFor('a lag of five', async () =>
      (await measuredLag(groupId, contract.topic.name)) === 5 ? true : undefined,
    );

    handler.release();
    await waitUntilApplied(behind[3]!);
    await waitFor('no lag', async () =>
      (await measuredLag(groupId, contract.topic.name)) === 0 ? true : undefined,
    );
  });

  it('leaves its consumer group when stopped', async () => {
    const { sut, groupId } = await aConsumer();
    const admin = kit.kafka.admin();
    await admin.connect();
    try {
      const describe = async () => (await admin.describeGroups([groupId])).groups[0];
      await waitFor('the consumer to join its group', async () => {
        const group = await describe();
        return group?.state === 'Stable' && group.members.length === 1 ? group : undefined;
      });

      await sut.stop();

      // Well inside the 30 s session timeout: the member left, it was not timed out.
      const group = await waitFor(
        'the group to be empty',
        async () => {
          const described = await describe();
          return described?.state === 'Empty' ? described : undefined;
        },
        { timeoutMs: 5_000 },
      );
      expect(group.members).toEqual([]);
    } finally {
      await admin.disconnect();
    }
  });
});
