import { deadLetterTopicName, type EventContract, type referralV1 } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { AppError } from '@medgrid/errors';
import { waitFor } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EventConsumer } from '../consumer/event-consumer';
import { type EventHandler } from '../consumer/event-handler';
import { decodeEnvelope, encodeEnvelope, type EventEnvelope } from '../envelope';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import { aReferralSubmitted, MessagingTestKit } from '../test/messaging-test-kit';
import { redriveDeadLetters, redriveGroupId } from './redrive-dead-letters';

type ReferralSubmitted = referralV1.ReferralSubmitted;

/**
 * Records each event it applies in `applied_event` under its consumer's name, through the consumer's transaction.
 * Until it is fixed it refuses every event as a fact not known yet, which parks it at once.
 */
class FixableHandler implements EventHandler<ReferralSubmitted> {
  fixed: boolean;

  constructor(
    readonly contract: EventContract<ReferralSubmitted>,
    private readonly uow: UnitOfWork,
    private readonly consumer: string,
    { fixed }: { fixed: boolean },
  ) {
    this.fixed = fixed;
  }

  async handle(_payload: ReferralSubmitted, envelope: EventEnvelope): Promise<void> {
    if (!this.fixed)
      throw new AppError(
        'failed-precondition',
        'RECEIVING_INSTITUTION_UNKNOWN',
        'institution not announced yet',
      );
    await this.uow
      .transactionalManager()
      .query(`INSERT INTO applied_event (consumer, event_id) VALUES ($1, $2)`, [
        this.consumer,
        envelope.eventId,
      ]);
  }
}

describe(redriveDeadLetters.name, () => {
  let kit: MessagingTestKit;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let sender: KafkaPublisher;
  let deadLetters: KafkaPublisher;
  const consumers: EventConsumer[] = [];
  const redriveGroups: string[] = [];

  const aConsumer = async (contract: EventContract<ReferralSubmitted>, purpose: string, fixed: boolean) => {
    const groupId = kit.newGroupId(purpose);
    const handler = new FixableHandler(contract, uow, groupId, { fixed });
    const consumer = new EventConsumer(
      kit.newKafka(purpose),
      uow,
      deadLetters,
      [handler],
      { groupId, maxAttempts: 3, retryBaseDelayMs: 10 },
      kit.logger,
    );
    consumers.push(consumer);
    await consumer.start();
    return { handler, groupId };
  };

  const anEnvelope = (contract: EventContract<ReferralSubmitted>): EventEnvelope => {
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
      payload: Buffer.from(contract.codec.encode(aReferralSubmitted(referralId)).finish()),
    };
  };

  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
  const send = (contract: EventContract<ReferralSubmitted>, envelope: EventEnvelope) =>
    sender.send([
      {
        topic: contract.topic.name,
        messages: [
          {
            key: envelope.aggregateId,
            value: encodeEnvelope(envelope),
            headers: { traceparent, 'event-id': envelope.eventId, 'event-type': envelope.type },
          },
        ],
      },
    ]);

  const applied = async (consumer: string, eventId: string) =>
    (
      await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM applied_event WHERE consumer = $1 AND event_id = $2`,
        [consumer, eventId],
      )
    )[0]!.n;

  const waitUntilApplied = (consumer: string, envelope: EventEnvelope) =>
    waitFor(`${consumer} to apply ${envelope.eventId}`, async () =>
      (await applied(consumer, envelope.eventId)) > 0 ? true : undefined,
    );

  const committedPosition = async (groupId: string, topic: string) => {
    const admin = kit.kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return offsets?.partitions.map((p) => p.offset);
    } finally {
      await admin.disconnect();
    }
  };

  const redrive = (
    contract: EventContract<ReferralSubmitted>,
    options: { apply?: boolean; consumer?: string },
  ) => {
    redriveGroups.push(redriveGroupId({ topic: contract.topic.name, consumer: options.consumer }));
    return redriveDeadLetters(kit.newKafka('redrive'), { topic: contract.topic.name, ...options });
  };

  beforeAll(async () => {
    kit = await MessagingTestKit.create('redrive_dead_letters');
    dataSource = kit.newDataSource();
    await dataSource.initialize();
    await dataSource.query(`
      CREATE TABLE applied_event (
        id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        consumer text NOT NULL,
        event_id uuid NOT NULL
      )`);
    uow = new UnitOfWork(dataSource);
    sender = new KafkaPublisher(kit.newKafka('sender'));
    deadLetters = new KafkaPublisher(kit.newKafka('dead-letters'));
    await Promise.all([sender.connect(), deadLetters.connect()]);
  });

  afterAll(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
    await Promise.all([sender?.disconnect(), deadLetters?.disconnect()]);
    if (kit && redriveGroups.length) {
      const admin = kit.kafka.admin();
      await admin.connect();
      await admin.deleteGroups([...new Set(redriveGroups)]).catch(() => undefined);
      await admin.disconnect();
    }
    await kit?.dispose();
  });

  it('sends a parked event back once it can be applied: the consumer that parked it applies it once, the one that had applied it skips it, and a second run sends nothing', async () => {
    const contract = await kit.newTopic(1);
    const topic = contract.topic.name;
    const deadLetterTopic = deadLetterTopicName(topic);
    const parking = await aConsumer(contract, 'parking', false);
    const healthy = await aConsumer(contract, 'healthy', true);
    const event = anEnvelope(contract);

    // The parking consumer refuses it and parks it; the healthy one applies it.
    await send(contract, event);
    const [dead] = await kit.readMessages(deadLetterTopic, 1);
    expect(decodeEnvelope(dead!.value!).eventId).toBe(event.eventId);
    await waitUntilApplied(healthy.groupId, event);
    parking.handler.fixed = true;

    // A dry run lists it and changes nothing.
    const dryRun = await redrive(contract, {});
    expect(dryRun.events).toEqual([
      expect.objectContaining({
        eventId: event.eventId,
        type: contract.type,
        reason: 'RECEIVING_INSTITUTION_UNKNOWN',
        error: 'institution not announced yet',
        consumer: parking.groupId,
        originalOffset: '0',
        offset: '0',
        outcome: 'would-redrive',
      }),
    ]);
    expect(dryRun.redriven).toBe(0);
    expect(await kit.messageCount(topic)).toBe(1);
    expect(await committedPosition(dryRun.groupId, deadLetterTopic)).toEqual(['-1']);
    // Another consumer's dead letters only: none.
    expect((await redrive(contract, { consumer: healthy.groupId })).events).toEqual([]);

    // --apply sends the original record back, without the dlt-* headers.
    const applyRun = await redrive(contract, { apply: true });
    expect(applyRun.redriven).toBe(1);
    expect(applyRun.events.map((e) => e.outcome)).toEqual(['redriven']);
    const [, redriven] = await kit.readMessages(topic, 2);
    expect(String(redriven!.key)).toBe(event.aggregateId);
    expect(decodeEnvelope(redriven!.value!)).toEqual(event);
    expect(
      Object.fromEntries(Object.entries(redriven!.headers ?? {}).map(([k, v]) => [k, String(v)])),
    ).toEqual({
      traceparent,
      'event-id': event.eventId,
      'event-type': event.type,
      'redriven-from': `${deadLetterTopic}/0/0`,
    });
    await waitUntilApplied(parking.groupId, event);

    // A second --apply finds nothing past its position.
    const second = await redrive(contract, { apply: true });
    expect(second.events).toEqual([]);
    expect(await kit.messageCount(topic)).toBe(2);
    expect(await committedPosition(second.groupId, deadLetterTopic)).toEqual(['1']);

    // Both consumers have seen it twice by the time a later event is applied; each applied it once.
    const later = anEnvelope(contract);
    await send(contract, later);
    await Promise.all([waitUntilApplied(parking.groupId, later), waitUntilApplied(healthy.groupId, later)]);
    expect(await applied(parking.groupId, event.eventId)).toBe(1);
    expect(await applied(healthy.groupId, event.eventId)).toBe(1);
    expect(await kit.messageCount(deadLetterTopic)).toBe(1);
  });

  it('sends an event parked twice once per run, and a redrive of an event already applied is skipped by the inbox', async () => {
    const contract = await kit.newTopic(1);
    const topic = contract.topic.name;
    const deadLetterTopic = deadLetterTopicName(topic);
    const first = await aConsumer(contract, 'first', false);
    const second = await aConsumer(contract, 'second', false);
    const event = anEnvelope(contract);

    await send(contract, event);
    await kit.readMessages(deadLetterTopic, 2);
    first.handler.fixed = true;
    second.handler.fixed = true;

    const run = await redrive(contract, { apply: true });
    // Whichever consumer parked it first, its dead letter is the one sent.
    expect(run.events.map((e) => e.outcome)).toEqual(['redriven', 'repeat']);
    expect(run.events.map((e) => e.consumer).sort()).toEqual([first.groupId, second.groupId].sort());
    expect(run.redriven).toBe(1);
    await Promise.all([waitUntilApplied(first.groupId, event), waitUntilApplied(second.groupId, event)]);

    // Read again from the start of the dead-letter topic: sent once more, and both inboxes skip it.
    const again = await redriveDeadLetters(kit.newKafka('redrive'), { topic, apply: true, fromOffset: 0 });
    expect(again.redriven).toBe(1);
    const later = anEnvelope(contract);
    await send(contract, later);
    await Promise.all([waitUntilApplied(first.groupId, later), waitUntilApplied(second.groupId, later)]);
    expect(await kit.messageCount(topic)).toBe(4);
    expect(await applied(first.groupId, event.eventId)).toBe(1);
    expect(await applied(second.groupId, event.eventId)).toBe(1);
  });
});
