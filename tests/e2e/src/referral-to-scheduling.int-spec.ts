import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { ALL_TOPICS, referralServiceV1, referralV1, schedulingV1 } from '@medgrid/contracts';
import { decodeErrorDetails } from '@medgrid/grpc';
import { createKafka, ensureTopics } from '@medgrid/messaging';
import { createLogger } from '@medgrid/logging';
import {
  aResidentId,
  anIdentity,
  TEST_AUDIENCE,
  TEST_ISSUER,
  TestAuth,
  TestDatabase,
  testKafkaBrokers,
  uniqueSuffix,
  waitFor,
} from '@medgrid/testing';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { freePort, migrate, ServiceProcess } from './service-process';
import { OtlpCollector } from './otlp-collector';
import { SCHEDULING_INPUT_TOPICS, waitUntilCaughtUp } from './consumer-lag';
import { unary } from './grpc-call';

/**
 * The walking skeleton end to end: partner HIS → referral (gRPC, PostgreSQL,
 * outbox) → Kafka → scheduling (inbox, PostgreSQL), both services as real
 * processes against the project's real PostgreSQL and Kafka.
 */
describe('referral → scheduling walking skeleton', () => {
  const collector = new OtlpCollector();
  const suffix = uniqueSuffix();
  let auth: TestAuth;
  let referralDb: TestDatabase;
  let schedulingDb: TestDatabase;
  let referral: ServiceProcess;
  let scheduling: ServiceProcess;
  let referralClient: referralServiceV1.ReferralServiceClient;
  let schedulingClient: schedulingV1.SchedulingServiceClient;
  let schedulingSql: PgClient;
  let referralSql: PgClient;

  const groupId = uuidv7();
  const primaryClinic = anIdentity({ role: 'primary-staff', groupId });
  const leadHospitalId = uuidv7();
  const groupAdmin = anIdentity({ role: 'group-admin', groupId });

  const aRequest = (overrides: Partial<referralServiceV1.CreateReferralRequest> = {}) => ({
    clientRequestId: uuidv7(),
    patientResidentId: aResidentId(),
    referringInstitutionId: primaryClinic.institutionId!,
    receivingInstitutionId: leadHospitalId,
    direction: referralV1.ReferralDirection.REFERRAL_DIRECTION_UPWARD,
    icd10Code: 'I10',
    reason: 'Blood pressure uncontrolled on three drugs',
    ...overrides,
  });

  const createReferral = async (
    request: referralServiceV1.CreateReferralRequest,
    extra: Record<string, string> = {},
  ) => unary(referralClient, referralClient.createReferral, request, await auth.token(primaryClinic), extra);

  const holdFor = async (referralId: string) =>
    unary(
      schedulingClient,
      schedulingClient.getSlotHoldRequest,
      { referralId },
      await auth.token(groupAdmin),
    );

  const waitForHold = (referralId: string) =>
    waitFor(`a slot hold request for ${referralId}`, () => holdFor(referralId).catch(() => undefined), {
      timeoutMs: 30_000,
    });

  const holdRows = async (referralId: string) =>
    Number(
      (
        await schedulingSql.query<{ n: string }>(
          `SELECT count(*) AS n FROM slot_hold_request WHERE referral_id = $1`,
          [referralId],
        )
      ).rows[0]!.n,
    );

  beforeAll(async () => {
    const brokers = testKafkaBrokers();
    await ensureTopics(
      createKafka({ brokers, clientId: 'e2e-setup' }, createLogger({ service: 'e2e', level: 'warn' })),
      ALL_TOPICS,
    );
    [auth, referralDb, schedulingDb] = await Promise.all([
      TestAuth.create(),
      TestDatabase.create('e2e_referral'),
      TestDatabase.create('e2e_scheduling'),
    ]);
    for (const [service, db] of [
      ['referral', referralDb],
      ['scheduling', schedulingDb],
    ] as const) {
      expect(migrate(service, db.url, 'up').code).toBe(0);
    }
    const otlpEndpoint = await collector.start();
    const common = {
      KAFKA_BROKERS: brokers.join(','),
      AUTH_PUBLIC_KEY_FILE: auth.publicKeyFile,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
      OUTBOX_POLL_INTERVAL_MS: '50',
    };
    referral = new ServiceProcess('referral', await freePort(), await freePort(), {
      ...common,
      DATABASE_URL: referralDb.url,
    });
    scheduling = new ServiceProcess('scheduling', await freePort(), await freePort(), {
      ...common,
      DATABASE_URL: schedulingDb.url,
      // Its own group, so a platform started by scripts/up.sh does not take these events.
      KAFKA_CONSUMER_GROUP: `scheduling-e2e-${suffix}`,
    });
    await Promise.all([referral.start(), scheduling.start()]);
    await waitUntilCaughtUp(`scheduling-e2e-${suffix}`, SCHEDULING_INPUT_TOPICS);
    referralClient = new referralServiceV1.ReferralServiceClient(
      referral.grpcAddress,
      credentials.createInsecure(),
    );
    schedulingClient = new schedulingV1.SchedulingServiceClient(
      scheduling.grpcAddress,
      credentials.createInsecure(),
    );
    schedulingSql = new PgClient({ connectionString: schedulingDb.url });
    referralSql = new PgClient({ connectionString: referralDb.url });
    await Promise.all([schedulingSql.connect(), referralSql.connect()]);
  }, 240_000);

  afterAll(async () => {
    referralClient?.close();
    schedulingClient?.close();
    await Promise.all([schedulingSql?.end(), referralSql?.end()]);
    await Promise.all([referral?.stop(), scheduling?.stop()]);
    await collector.stop();
    await Promise.all([referralDb?.drop(), schedulingDb?.drop()]);
  });

  it('migrates a fresh database to exactly what the entities describe (no drift)', () => {
    for (const [service, db] of [
      ['referral', referralDb],
      ['scheduling', schedulingDb],
    ] as const) {
      const result = migrate(service, db.url, 'check');
      expect({ service, ...result }).toEqual({ service, code: 0, output: '' });
    }
  });

  it('answers racing retries of one create request with the one referral it made', async () => {
    const request = aRequest();

    const answers = await Promise.all(Array.from({ length: 8 }, () => createReferral(request)));

    expect(new Set(answers.map((a) => a.referral!.id)).size).toBe(1);
    expect(
      Number(
        (
          await referralSql.query<{ n: string }>(
            `SELECT count(*) AS n FROM referral WHERE client_request_id = $1`,
            [request.clientRequestId],
          )
        ).rows[0]!.n,
      ),
    ).toBe(1);
  });

  it('stores a referral, and scheduling records a slot hold request for it', async () => {
    const request = aRequest();

    const { referral: created } = await createReferral(request);
    const { referral: read } = await unary(
      referralClient,
      referralClient.getReferral,
      { id: created!.id },
      await auth.token(primaryClinic),
    );
    const { holdRequest } = await waitForHold(created!.id);

    expect(read).toEqual(created);
    expect(created).toMatchObject({
      patientResidentId: request.patientResidentId,
      groupId,
      status: referralV1.ReferralStatus.REFERRAL_STATUS_SUBMITTED,
    });
    expect(holdRequest).toMatchObject({
      referralId: created!.id,
      groupId,
      institutionId: leadHospitalId,
      status: schedulingV1.SlotHoldRequestStatus.SLOT_HOLD_REQUEST_STATUS_REQUESTED,
    });
    const audit = await referralSql.query(
      `SELECT actor_subject, purpose FROM audit_log WHERE subject_id = $1`,
      [created!.id],
    );
    expect(audit.rows).toEqual([{ actor_subject: primaryClinic.subject, purpose: 'treatment' }]);
  });

  it('keeps one trace id from the partner call in referral to the event handled in scheduling', async () => {
    const traceId = randomBytes(16).toString('hex');

    const { referral: created } = await createReferral(aRequest(), {
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    });
    await waitForHold(created!.id);

    const services = await waitFor(
      'spans of both services in one trace',
      () => {
        const seen = collector.servicesInTrace(traceId);
        return Promise.resolve(seen.has('referral') && seen.has('scheduling') ? seen : undefined);
      },
      { timeoutMs: 20_000 },
    );
    expect([...services].sort()).toEqual(['referral', 'scheduling']);
  });

  it('applies an event delivered twice only once', async () => {
    const { referral: created } = await createReferral(aRequest());
    await waitForHold(created!.id);
    const [{ envelope, message_key: key, topic }] = (
      await referralSql.query<{ envelope: Buffer; message_key: string; topic: string }>(
        `SELECT envelope, message_key, topic FROM outbox WHERE message_key = $1`,
        [created!.id],
      )
    ).rows as [{ envelope: Buffer; message_key: string; topic: string }];
    const eventId = (
      await schedulingSql.query<{ source_event_id: string }>(
        `SELECT source_event_id FROM slot_hold_request WHERE referral_id = $1`,
        [created!.id],
      )
    ).rows[0]!.source_event_id;

    const producer = createKafka(
      { brokers: testKafkaBrokers(), clientId: 'e2e-redeliver' },
      createLogger({ service: 'e2e', level: 'warn' }),
    ).producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key, value: envelope },
        { key, value: envelope },
      ],
    });
    await producer.disconnect();

    await waitFor('the two redeliveries to be seen as duplicates', async () => {
      const text = await scheduling.metrics();
      const line = text
        .split('\n')
        .find((l) => l.startsWith('medgrid_events_consumed_total') && l.includes('outcome="duplicate"'));
      return line && Number(line.split(' ').pop()) >= 2 ? true : undefined;
    });
    expect(await holdRows(created!.id)).toBe(1);
    const inbox = await schedulingSql.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [
      eventId,
    ]);
    expect(inbox.rows[0]).toEqual({ n: 1 });
  });

  it('answers a bad request with INVALID_ARGUMENT naming each bad field', async () => {
    const error = await createReferral(
      aRequest({ patientResidentId: '', receivingInstitutionId: 'hospital-42', icd10Code: 'hypertension' }),
    ).catch((e: ServiceError) => e);

    expect((error as ServiceError).code).toBe(status.INVALID_ARGUMENT);
    const details = decodeErrorDetails((error as ServiceError).metadata);
    expect(details.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
      ['patientResidentId', 'REQUIRED'],
      ['receivingInstitutionId', 'INVALID_FORMAT'],
      ['icd10Code', 'INVALID_FORMAT'],
    ]);
  });

  it('refuses a resident ID with a wrong check character', async () => {
    const valid = aResidentId();
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');

    const error = await createReferral(aRequest({ patientResidentId: wrong })).catch((e: ServiceError) => e);

    expect((error as ServiceError).code).toBe(status.INVALID_ARGUMENT);
    expect(decodeErrorDetails((error as ServiceError).metadata).fieldViolations).toEqual([
      expect.objectContaining({ field: 'patientResidentId', reason: 'INVALID_CHECK_CHARACTER' }),
    ]);
  });

  it('refuses a call without a token', async () => {
    const error = await unary(referralClient, referralClient.getReferral, { id: uuidv7() }, '').catch(
      (e: ServiceError) => e,
    );

    expect((error as ServiceError).code).toBe(status.UNAUTHENTICATED);
  });

  it('loses nothing when the referral service dies between commit and publish', async () => {
    // Relay off: the referral commits with its outbox row, and nothing is published.
    await referral.kill();
    await referral.start({ OUTBOX_RELAY_ENABLED: 'false' });
    const { referral: created } = await createReferral(aRequest());
    await referral.kill();
    const pending = await referralSql.query(`SELECT published_at FROM outbox WHERE message_key = $1`, [
      created!.id,
    ]);
    expect(pending.rows).toEqual([{ published_at: null }]);
    expect(await holdRows(created!.id)).toBe(0);

    await referral.start();

    await waitForHold(created!.id);
    expect(await holdRows(created!.id)).toBe(1);
    const published = await referralSql.query<{ published_at: Date | null }>(
      `SELECT published_at FROM outbox WHERE message_key = $1`,
      [created!.id],
    );
    expect(published.rows[0]!.published_at).not.toBeNull();
  });
});
