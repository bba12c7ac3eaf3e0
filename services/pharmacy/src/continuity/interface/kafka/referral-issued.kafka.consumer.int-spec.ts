import { deadLetterTopicName, defineTopic, ReferralChangedEvent, type referralV1 } from '@medgrid/contracts';
import { createLogger } from '@medgrid/logging';
import {
  createKafka,
  encodeEnvelope,
  ensureTopics,
  EventConsumer,
  type EventEnvelope,
  type EventHandler,
  KafkaPublisher,
} from '@medgrid/messaging';
import { aResidentId, MigratedTestDatabase, testKafkaBrokers, uniqueSuffix, waitFor } from '@medgrid/testing';
import { type Kafka } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { pharmacyDataSource } from '../../../database/pharmacy-data-source';
import { ContinuityFixtures } from '../../test/continuity.fixtures';
import { ReferralIssuedKafkaConsumer } from './referral-issued.kafka.consumer';

/**
 * The consumer of referral's issues as the service runs it: the platform's EventConsumer (inbox in the handler's
 * transaction) over real Kafka, on a topic of this run, and the real PostgreSQL.
 */
describe(ReferralIssuedKafkaConsumer.name, () => {
  const logger = createLogger({ service: 'pharmacy-int', level: 'silent' });
  const topic = defineTopic({
    name: `medgrid.test.pharmacy-continuity-${uniqueSuffix()}.v1`,
    partitions: 1,
    compacted: false,
    retentionDays: 1,
  });
  let database: MigratedTestDatabase;
  let fixtures: ContinuityFixtures;
  let sut: ReferralIssuedKafkaConsumer;
  let consumer: EventConsumer;
  let sender: KafkaPublisher;
  let deadLetters: KafkaPublisher;
  const groupId = `pharmacy-int.continuity-${uniqueSuffix()}`;
  let admin: Kafka;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('pharmacy_continuity_consumer', (url) =>
      pharmacyDataSource(url, 4),
    );
    fixtures = new ContinuityFixtures(database);
    sut = new ReferralIssuedKafkaConsumer(fixtures.assess);
    const kafka = (name: string) =>
      createKafka(
        { brokers: testKafkaBrokers(), clientId: `pharmacy-int-${name}-${uniqueSuffix()}` },
        logger,
      );
    admin = kafka('admin');
    await ensureTopics(admin, [topic]);
    // The service's handler, on this run's topic instead of referral's.
    const handler: EventHandler<referralV1.ReferralChanged> = {
      contract: { ...ReferralChangedEvent, topic },
      handle: (payload, envelope) => sut.handle(payload, envelope),
    };
    sender = new KafkaPublisher(kafka('sender'));
    deadLetters = new KafkaPublisher(kafka('dead-letters'));
    await Promise.all([sender.connect(), deadLetters.connect()]);
    consumer = new EventConsumer(
      kafka('consumer'),
      fixtures.uow,
      deadLetters,
      [handler],
      { groupId, maxAttempts: 3, retryBaseDelayMs: 10 },
      logger,
    );
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await Promise.all([sender?.disconnect(), deadLetters?.disconnect()]);
    if (!admin) return void (await database?.close());
    const topics = admin.admin();
    await topics.connect();
    await topics
      .deleteTopics({ topics: [topic.name, deadLetterTopicName(topic.name)] })
      .catch(() => undefined);
    await topics.disconnect();
    await database?.close();
  });

  const anEnvelope = (payload: referralV1.ReferralChanged): EventEnvelope => ({
    eventId: uuidv7(),
    type: ReferralChangedEvent.type,
    schemaVersion: ReferralChangedEvent.schemaVersion,
    occurredAt: new Date(),
    producer: 'referral',
    aggregateId: payload.referral!.id,
    aggregateVersion: 1,
    traceContext: {},
    payload: Buffer.from(ReferralChangedEvent.codec.encode(payload).finish()),
  });

  const send = (envelopes: EventEnvelope[]) =>
    sender.send([
      {
        topic: topic.name,
        messages: envelopes.map((e) => ({ key: e.aggregateId, value: encodeEnvelope(e) })),
      },
    ]);

  const count = async (sql: string, params: unknown[]) =>
    (await database.dataSource.query<{ n: number }[]>(sql, params))[0]!.n;
  const assessmentsOf = (referralId: string) =>
    count(`SELECT count(*)::int AS n FROM continuity_assessment WHERE referral_id = $1`, [referralId]);
  const eventsOutOf = (referralId: string) =>
    count(`SELECT count(*)::int AS n FROM outbox WHERE event_type = $1 AND message_key = $2`, [
      'medgrid.pharmacy.v1.MedicationContinuityAssessed',
      referralId,
    ]);
  const assessed = (referralId: string) =>
    waitFor(`referral ${referralId} assessed`, () =>
      fixtures.assessments.findByReferral(referralId).then((a) => a ?? undefined),
    );

  it('assesses an issue delivered twice once: one assessment, one MedicationContinuityAssessed out', async () => {
    const group = await fixtures.aGroup();
    const issue = anEnvelope(fixtures.anIssue(group, aResidentId(), ContinuityFixtures.threeDrugs()));
    const later = anEnvelope(fixtures.anIssue(group, aResidentId(), ContinuityFixtures.threeDrugs()));

    await send([issue, issue, later]);
    await assessed(later.aggregateId);

    expect(await assessmentsOf(issue.aggregateId)).toBe(1);
    expect(await eventsOutOf(issue.aggregateId)).toBe(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND event_id = $2`, [
        groupId,
        issue.eventId,
      ]),
    ).toBe(1);
  });

  it('assesses a referral announced again under another event id once too, and announces it once', async () => {
    const group = await fixtures.aGroup();
    const payload = fixtures.anIssue(group, aResidentId(), ContinuityFixtures.threeDrugs());
    const first = anEnvelope(payload);
    const again = anEnvelope(payload);

    await send([first, again]);
    await waitFor('both events in the inbox', async () =>
      (await count(
        `SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND event_id = ANY($2::uuid[])`,
        [groupId, [first.eventId, again.eventId]],
      )) === 2
        ? true
        : undefined,
    );

    expect(await assessmentsOf(first.aggregateId)).toBe(1);
    expect(await eventsOutOf(first.aggregateId)).toBe(1);
  });

  it("stores each drug's continuity at the clinic and flags 60 days for a resident without a contract", async () => {
    const group = await fixtures.aGroup();
    const issue = anEnvelope(fixtures.anIssue(group, aResidentId(), ContinuityFixtures.threeDrugs(60)));

    await send([issue]);
    const assessment = await assessed(issue.aggregateId);

    expect(assessment).toMatchObject({
      groupId: group.groupId,
      issuingInstitutionId: group.hospitalId,
      receivingInstitutionId: group.clinicId,
      continuous: false,
      daysWithinRule: false,
      contractedResident: false,
    });
    expect(
      assessment.medications.map((m) => [m.outcome, m.reason, m.supply.kind, m.supply.allowedDays]),
    ).toEqual([
      ['continue', null, 'capped', 30],
      ['substitute', null, 'capped', 30],
      ['action-needed', 'NOT_ALLOWED_AT_LEVEL', 'capped', 30],
    ]);
  });

  it('leaves alone what is not a downward issue', async () => {
    const group = await fixtures.aGroup();
    const payload = fixtures.anIssue(group, aResidentId(), ContinuityFixtures.threeDrugs());
    const received = anEnvelope({ ...payload, change: { ...payload.change!, action: 11 } });
    const marker = anEnvelope(fixtures.anIssue(group, aResidentId(), ContinuityFixtures.threeDrugs()));

    await send([received, marker]);
    await assessed(marker.aggregateId);

    expect(await assessmentsOf(received.aggregateId)).toBe(0);
  });
});
