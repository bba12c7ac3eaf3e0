import { status } from '@grpc/grpc-js';
import {
  referralServiceV1,
  referralV1,
  registryV1,
  schedulingModelV1,
  schedulingV1,
} from '@medgrid/contracts';
import { createKafka } from '@medgrid/messaging';
import { createLogger } from '@medgrid/logging';
import { aResidentIdBornOn, anIdentity, testKafkaBrokers, waitFor } from '@medgrid/testing';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { fails, unary } from './grpc-call';
import { auditedRefusals, expectEveryCallRefusedForTheClaimedGroup } from './group-claim';
import { OtlpCollector, SpanKind } from './otlp-collector';
import { ReferralHarness } from './referral-harness';
import { aFreshResidentId, type GroupFixture, slotClaim } from './scheduling-fixtures';
import { migrate } from './service-process';

const { ReferralStatus: S, ReferralAction: A } = referralV1;
const { SlotHoldRequestStatus: Hold } = schedulingV1;
const { Pool } = schedulingModelV1;
const EMPTY_LIST = referralServiceV1.ListReferralsRequest.fromPartial({});

/**
 * The referral service end to end: partner HIS → referral (gRPC, PostgreSQL,
 * outbox) → Kafka → scheduling (inbox, hold, its own outbox) → Kafka → referral,
 * with the registry feeding both, all as real processes against the project's
 * real PostgreSQL and Kafka.
 */
describe('referral ⇄ scheduling', () => {
  const collector = new OtlpCollector();
  const h = new ReferralHarness();
  let group: GroupFixture;

  const create = async (
    request: referralServiceV1.CreateReferralRequest,
    extra: Record<string, string> = {},
  ) =>
    unary(h.referrals, h.referrals.createReferral, request, await h.registry.auth.token(group.centre), extra);
  const hold = (referralId: string, reader = group.groupAdmin) =>
    h.call(h.saga, h.saga.getSlotHoldRequest, { referralId }, reader);
  const waitForHold = (
    referralId: string,
    wanted = Hold.SLOT_HOLD_REQUEST_STATUS_REQUESTED,
    reader = group.groupAdmin,
  ) =>
    waitFor(
      `hold request ${referralId} to be ${Hold[wanted]}`,
      async () => {
        const { holdRequest } = await hold(referralId, reader);
        return holdRequest?.status === wanted ? holdRequest : undefined;
      },
      { timeoutMs: 30_000 },
    );
  const accept = (id: string) => h.call(h.referrals, h.referrals.acceptReferral, h.step(id), group.manager);
  const statusOf = (response: referralServiceV1.GetReferralResponse) => response.referral?.status;

  beforeAll(async () => {
    const otlpEndpoint = await collector.start();
    await h.start('e2e_referral', {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
    });
    group = await h.newGroup('03.04');
  }, 300_000);

  afterAll(async () => {
    await h.stop();
    await collector.stop();
  }, 120_000);

  it('migrates a fresh database to exactly what the entities describe (no drift)', () => {
    for (const [service, db] of [
      ['referral', h.referralDb],
      ['scheduling', h.db],
    ] as const) {
      const result = migrate(service, db.url, 'check');
      expect({ service, ...result }).toEqual({ service, code: 0, output: '' });
    }
  });

  it('routes a submitted referral to the lead hospital, records the indication, and scheduling notes the hold', async () => {
    const patient = await h.contractedResident(group);

    const { referral } = await create(h.upward(group, patient));
    const read = await h.referral(referral!.id, group.centre);
    const holdRequest = await waitForHold(referral!.id);

    expect(referral).toMatchObject({
      status: S.REFERRAL_STATUS_SUBMITTED,
      groupId: group.groupId,
      receivingInstitutionId: group.hospitalId,
      receivingDepartmentId: group.departmentId,
      specialtyCode: '03.04',
      matchedIndicationCodes: ['HTN_SEVERE'],
      withoutIndication: false,
      contractedResidentPriority: true,
    });
    expect(referral!.dueAt!.getTime() - referral!.submittedAt!.getTime()).toBe(48 * 3_600_000);
    expect(read.history.map((e) => [A[e.action], S[e.toStatus], e.actorInstitutionId])).toEqual([
      ['REFERRAL_ACTION_DRAFT', 'REFERRAL_STATUS_DRAFT', group.centreId],
      ['REFERRAL_ACTION_SUBMIT', 'REFERRAL_STATUS_SUBMITTED', group.centreId],
    ]);
    expect(holdRequest).toMatchObject({ institutionId: group.hospitalId, departmentId: group.departmentId });
    const audit = await h.referralSql.query(
      `SELECT actor_subject, purpose FROM audit_log WHERE subject_id = $1`,
      [referral!.id],
    );
    expect(audit.rows).toEqual([{ actor_subject: group.centre.subject, purpose: 'treatment' }]);
  });

  it('holds a reserved slot when the hospital accepts, and the referral becomes scheduled (the saga)', async () => {
    const session = await h.newSession(group, { capacity: 6 });
    const patient = await h.contractedResident(group);
    const { referral } = await create(h.upward(group, patient));
    await waitForHold(referral!.id);

    const accepted = await accept(referral!.id);
    const scheduled = await h.waitForReferral(
      'the referral to be scheduled',
      referral!.id,
      group.centre,
      (r) => statusOf(r) === S.REFERRAL_STATUS_SCHEDULED,
    );

    expect(accepted.referral?.status).toBe(S.REFERRAL_STATUS_ACCEPTED);
    expect(scheduled.referral?.slot).toMatchObject({
      sessionId: session.id,
      pool: 'reserved',
      waitlisted: false,
    });
    const booking = await h.sql.query<{ pool: string; status: string }>(
      `SELECT pool, status FROM booking WHERE referral_id = $1`,
      [referral!.id],
    );
    expect(booking.rows).toEqual([expect.objectContaining({ pool: 'reserved', status: 'held' })]);
  });

  it('schedules the referral with the slot the referrer booked before acceptance, dead-lettering nothing', async () => {
    const session = await h.newSession(group, { capacity: 6 });
    const patient = await h.contractedResident(group);
    const { referral } = await create(h.upward(group, patient));
    await waitForHold(referral!.id, Hold.SLOT_HOLD_REQUEST_STATUS_REQUESTED, group.centre);
    const booking = await h.bookSlot(
      slotClaim(session.id, {
        patientResidentId: patient,
        pool: Pool.POOL_RESERVED,
        referralId: referral!.id,
      }),
      group.centre,
    );

    await accept(referral!.id);
    const scheduled = await h.waitForReferral(
      'the referral to be scheduled with the booked slot',
      referral!.id,
      group.centre,
      (r) => statusOf(r) === S.REFERRAL_STATUS_SCHEDULED,
    );

    expect(scheduled.referral?.slot).toMatchObject({ bookingId: booking.id, sessionId: session.id });
    expect(await waitForHold(referral!.id, Hold.SLOT_HOLD_REQUEST_STATUS_HELD, group.centre)).toMatchObject({
      bookingId: booking.id,
      referringInstitutionId: group.centreId,
    });
    expect(await h.process.metrics()).not.toMatch(
      /medgrid_events_consumed_total\{[^}]*dead-lettered[^}]*\} [1-9]/,
    );
  });

  it('releases the slot when the referral is cancelled, and never holds two for one referral', async () => {
    await h.newSession(group, { capacity: 6, date: undefined });
    const patient = await h.contractedResident(group);
    const { referral } = await create(h.upward(group, patient));
    await waitForHold(referral!.id);
    await accept(referral!.id);
    await h.waitForReferral(
      'scheduled',
      referral!.id,
      group.centre,
      (r) => statusOf(r) === S.REFERRAL_STATUS_SCHEDULED,
    );

    const { referral: cancelled } = await h.call(
      h.referrals,
      h.referrals.cancelReferral,
      {
        clientRequestId: uuidv7(),
        id: referral!.id,
        reason: 'patient chose to stay with the community centre',
      },
      group.centre,
    );
    await waitForHold(referral!.id, Hold.SLOT_HOLD_REQUEST_STATUS_RELEASED);

    expect(cancelled).toMatchObject({ status: S.REFERRAL_STATUS_CANCELLED, slot: undefined });
    expect(
      await h.count(
        `SELECT count(*) AS n FROM booking WHERE referral_id = $1 AND status IN ('held', 'booked')`,
        [referral!.id],
      ),
    ).toBe(0);
    expect(await h.count(`SELECT count(*) AS n FROM booking WHERE referral_id = $1`, [referral!.id])).toBe(1);
  });

  it('puts the referral on the waitlist when every slot is gone, and tells the referrer', async () => {
    const other = await h.newGroup('03.04');
    const session = await h.newSession(other, { capacity: 1 });
    const first = await h.contractedResident(other);
    const second = await h.contractedResident(other);
    const ids: string[] = [];
    for (const patient of [first, second]) {
      const { referral } = await unary(
        h.referrals,
        h.referrals.createReferral,
        h.upward(other, patient),
        await h.registry.auth.token(other.centre),
      );
      ids.push(referral!.id);
      // The other group's administrator: this group's would be told the hold does not exist.
      await waitForHold(referral!.id, Hold.SLOT_HOLD_REQUEST_STATUS_REQUESTED, other.groupAdmin);
      await h.call(h.referrals, h.referrals.acceptReferral, h.step(referral!.id), other.manager);
    }

    const waiting = await h.waitForReferral('the waitlist note', ids[1]!, other.centre, (r) =>
      r.history.some((e) => e.action === A.REFERRAL_ACTION_WAITLIST),
    );

    expect(waiting.referral).toMatchObject({
      status: S.REFERRAL_STATUS_ACCEPTED,
      slot: { sessionId: session.id, waitlisted: true },
    });
  });

  it('accepts a suspected heart attack at once on the green channel, without review', async () => {
    const patient = await h.contractedResident(group);

    const { referral } = await create(
      h.upward(group, patient, { icd10Code: 'I21.9', indicationCodes: ['ACS_ISCHAEMIC_CHEST_PAIN'] }),
    );
    const { history } = await h.referral(referral!.id, group.manager);

    expect(referral).toMatchObject({
      status: S.REFERRAL_STATUS_ACCEPTED,
      greenChannel: true,
      greenChannelKind: referralV1.GreenChannel.GREEN_CHANNEL_CHEST_PAIN,
      receivingDepartmentId: group.departmentId,
    });
    expect(history.map((e) => [A[e.action], e.actorSubject])).toEqual([
      ['REFERRAL_ACTION_DRAFT', group.centre.subject],
      ['REFERRAL_ACTION_SUBMIT', group.centre.subject],
      ['REFERRAL_ACTION_ACCEPT', 'medgrid-referral'],
    ]);
  });

  it("admits a referred patient to a reserved bed, ahead of the ward's walk-ins", async () => {
    const ward = await h.registerWard(group, 4, { name: '转诊病区' });
    const admit = (patientResidentId: string, referralId: string, who: typeof group.manager) =>
      h
        .call(
          h.bed,
          h.bed.requestAdmission,
          { clientRequestId: uuidv7(), wardId: ward.id, patientResidentId, referralId },
          who,
        )
        .then((r) => r.admission!);
    const walkIn = await admit(aFreshResidentId(), '', group.manager);
    const patient = await h.contractedResident(group);
    const { referral } = await create(h.upward(group, patient));
    await waitForHold(referral!.id);

    const referred = await admit(patient, referral!.id, group.centre);
    const queue = await h.call(
      h.bed,
      h.bed.listAdmissions,
      { wardId: ward.id, status: 0, pageSize: 0, pageToken: '' },
      group.manager,
    );
    const { admission } = await h.call(
      h.bed,
      h.bed.assignBed,
      { clientRequestId: uuidv7(), admissionId: referred.id, pool: 0 },
      group.manager,
    );
    const { beds } = await h.dailyReport(group, '');

    expect(referred.priority).toMatchObject({ contractedResident: true, consultationFeeWaived: true });
    expect(queue.admissions.map((a) => a.id)).toEqual([referred.id, walkIn.id]);
    expect(admission).toMatchObject({ pool: Pool.POOL_RESERVED, bedCode: '1', referralId: referral!.id });
    expect(beds).toMatchObject({ reservedBeds: 1, reservedOccupied: 1, referralAdmissions: 1 });
  });

  it('closes the loop: arrival and completion upward, then a downward plan received and followed up', async () => {
    const patient = await h.contractedResident(group);
    const { referral } = await create(h.upward(group, patient));
    await accept(referral!.id);
    await h.call(h.referrals, h.referrals.recordArrival, h.step(referral!.id), group.manager);
    const { referral: completed } = await h.call(
      h.referrals,
      h.referrals.recordCompletion,
      h.step(referral!.id, 'medication adjusted'),
      group.manager,
    );

    const { referral: down } = await h.call(
      h.referrals,
      h.referrals.issueDownwardReferral,
      {
        clientRequestId: uuidv7(),
        patientResidentId: patient,
        referringInstitutionId: group.hospitalId,
        receivingInstitutionId: '',
        icd10Code: 'I10',
        reason: 'BP controlled on amlodipine and losartan',
        metCriteriaCodes: [],
        justification: '血压已稳定两周，可回社区随访管理',
        treatmentPlan: {
          diagnosisCodes: ['I10'],
          medications: [{ name: '氨氯地平', drugCode: '', dose: '5 mg', frequency: 'qd', days: 60 }],
          followUps: [{ dueDate: '2026-12-07', item: 'blood pressure' }],
          warningSigns: ['BP ≥180/110'],
          notes: '',
        },
        results: [],
        upwardReferralId: referral!.id,
      },
      group.manager,
    );
    await h.call(h.referrals, h.referrals.acknowledgeReferral, h.step(down!.id), group.centre);
    await h.call(
      h.referrals,
      h.referrals.recordFollowUp,
      { clientRequestId: uuidv7(), id: down!.id, findings: 'BP 132/84' },
      group.centre,
    );
    const { referral: closed } = await h.call(
      h.referrals,
      h.referrals.closeReferral,
      h.step(down!.id),
      group.centre,
    );

    expect(completed?.status).toBe(S.REFERRAL_STATUS_COMPLETED);
    expect(down).toMatchObject({
      direction: referralV1.ReferralDirection.REFERRAL_DIRECTION_DOWNWARD,
      status: S.REFERRAL_STATUS_ISSUED,
      receivingInstitutionId: group.centreId,
      withoutIndication: true,
    });
    expect(closed).toMatchObject({ status: S.REFERRAL_STATUS_CLOSED, followUpCount: 1 });
  });

  it('refuses an illegal step with FAILED_PRECONDITION naming the state, and a step by the wrong side', async () => {
    const patient = await h.contractedResident(group);
    const { referral } = await create(h.upward(group, patient));

    const illegal = await fails(
      h.call(h.referrals, h.referrals.recordCompletion, h.step(referral!.id), group.manager),
    );
    await accept(referral!.id);
    const wrongSide = await fails(
      h.call(h.referrals, h.referrals.acceptReferral, h.step(referral!.id), group.centre),
    );

    expect(illegal.code).toBe(status.FAILED_PRECONDITION);
    expect(illegal.reason).toBe('ILLEGAL_TRANSITION');
    expect(wrongSide.code).toBe(status.PERMISSION_DENIED);
  });

  it('answers a retried step with the referral as it is, and refuses its request id on another step', async () => {
    const patient = await h.contractedResident(group);
    const { referral } = await create(h.upward(group, patient));
    const step = h.step(referral!.id);

    const [a, b] = await Promise.all([
      h.call(h.referrals, h.referrals.acceptReferral, step, group.manager),
      h.call(h.referrals, h.referrals.acceptReferral, step, group.manager),
    ]);
    const reused = await fails(h.call(h.referrals, h.referrals.recordArrival, step, group.manager));

    expect(a.referral?.status).toBe(S.REFERRAL_STATUS_ACCEPTED);
    expect(b.referral?.status).toBe(S.REFERRAL_STATUS_ACCEPTED);
    expect(reused).toMatchObject({
      code: status.INVALID_ARGUMENT,
      reason: 'CLIENT_REQUEST_REUSED',
      fieldViolations: [
        expect.objectContaining({ field: 'clientRequestId', reason: 'CLIENT_REQUEST_REUSED' }),
      ],
    });
    expect(
      await h.referralSql
        .query<{ n: number }>(
          `SELECT count(*)::int AS n FROM referral_history WHERE referral_id = $1 AND action = 'accept'`,
          [referral!.id],
        )
        .then((r) => r.rows[0]),
    ).toEqual({ n: 1 });
  });

  it('refuses an institution outside the group, an unknown ICD-10 code and a missing justification, storing nothing', async () => {
    const patient = await h.contractedResident(group);
    const before = await h.referralSql.query(`SELECT count(*)::int AS n FROM referral`);

    const outside = await fails(create(h.upward(group, patient, { receivingInstitutionId: uuidv7() })));
    const unknownCode = await fails(create(h.upward(group, patient, { icd10Code: 'hypertension' })));
    const unjustified = await fails(create(h.upward(group, patient, { indicationCodes: [] })));

    expect([outside.code, outside.fieldViolations[0]?.field]).toEqual([
      status.INVALID_ARGUMENT,
      'receivingInstitutionId',
    ]);
    expect(unknownCode.fieldViolations[0]).toMatchObject({
      field: 'icd10Code',
      reason: 'INVALID_FORMAT',
    });
    expect(unjustified.reason).toBe('JUSTIFICATION_REQUIRED');
    expect((await h.referralSql.query(`SELECT count(*)::int AS n FROM referral`)).rows).toEqual(before.rows);
  });

  it('refuses a referral for a resident the registry has not registered, and takes it once registered', async () => {
    const patient = aFreshResidentId();
    const before = await h.referralSql.query(`SELECT count(*)::int AS n FROM referral`);
    const request = h.upward(group, patient);

    const refused = await fails(create(request));
    const refusedDraft = await fails(create({ ...request, clientRequestId: uuidv7(), draft: true }));
    const stored = await h.referralSql.query(`SELECT count(*)::int AS n FROM referral`);
    await h.registeredResident(group, patient);
    const { referral } = await create({ ...request, clientRequestId: uuidv7() });

    for (const error of [refused, refusedDraft]) {
      expect(error).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'PATIENT_NOT_REGISTERED',
        fieldViolations: [expect.objectContaining({ field: 'patientResidentId' })],
      });
    }
    expect(stored.rows).toEqual(before.rows);
    expect(referral).toMatchObject({ patientResidentId: patient, status: S.REFERRAL_STATUS_SUBMITTED });
  });

  it('names the field a too-long step text came in: findings of a follow-up, reason of a decline', async () => {
    const tooLong = { clientRequestId: uuidv7(), id: uuidv7() };
    const text = 'x'.repeat(2001);

    const followUp = await fails(
      h.call(h.referrals, h.referrals.recordFollowUp, { ...tooLong, findings: text }, group.centre),
    );
    const decline = await fails(
      h.call(h.referrals, h.referrals.declineReferral, { ...tooLong, reason: text }, group.manager),
    );

    for (const [error, field] of [
      [followUp, 'findings'],
      [decline, 'reason'],
    ] as const) {
      expect(error).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field, reason: 'TOO_LONG' })],
      });
    }
  });

  it('names the x-purpose metadata when the stated purpose of a read is too long', async () => {
    const { referral } = await create(h.upward(group, await h.contractedResident(group)));
    const token = await h.registry.auth.token(group.centre);

    const error = await fails(
      unary(h.referrals, h.referrals.getReferral, { id: referral!.id }, token, {
        'x-purpose': 'x'.repeat(201),
      }),
    );

    expect(error).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fieldViolations: [expect.objectContaining({ field: 'x-purpose', reason: 'TOO_LONG' })],
    });
  });

  it('refuses a patient whose ID number has a right check character but a birth date after today, storing nothing', async () => {
    const before = await h.referralSql.query(`SELECT count(*)::int AS n FROM referral`);

    const error = await fails(create(h.upward(group, aResidentIdBornOn('2099-12-31'))));

    expect(error).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fieldViolations: [
        expect.objectContaining({ field: 'patientResidentId', reason: 'BIRTH_DATE_IN_FUTURE' }),
      ],
    });
    expect((await h.referralSql.query(`SELECT count(*)::int AS n FROM referral`)).rows).toEqual(before.rows);
  });

  it('records a 48-hour breach once, with its event and metric, and lists the referral as overdue', async () => {
    const patient = await h.contractedResident(group);
    const { referral } = await create(h.upward(group, patient));
    await h.referralSql.query(`UPDATE referral SET due_at = now() - interval '1 minute' WHERE id = $1`, [
      referral!.id,
    ]);

    const breached = await h.waitForReferral(
      'the breach',
      referral!.id,
      group.manager,
      (r) => !!r.referral?.deadlineBreachedAt,
    );
    const overdue = await h.call(
      h.referrals,
      h.referrals.listReferrals,
      {
        institutionId: group.hospitalId,
        patientResidentId: '',
        status: S.REFERRAL_STATUS_UNSPECIFIED,
        direction: referralV1.ReferralDirection.REFERRAL_DIRECTION_UNSPECIFIED,
        createdFrom: undefined,
        createdTo: undefined,
        overdueOnly: true,
        pageSize: 50,
        pageToken: '',
      },
      group.manager,
    );

    expect(breached.history.filter((e) => e.action === A.REFERRAL_ACTION_BREACH_DEADLINE)).toHaveLength(1);
    expect(overdue.referrals.map((r) => r.id)).toContain(referral!.id);
    expect(await h.referralProcess.metrics()).toMatch(
      /medgrid_referral_deadline_breaches_total\{[^}]*group="[^"]+"[^}]*\} [1-9]/,
    );
  });

  it('streams the changes a referrer may see, as they happen', async () => {
    const patient = await h.contractedResident(group);
    const token = await h.registry.auth.token(group.centre);
    const seen: referralServiceV1.WatchReferralsResponse[] = [];
    const { Metadata } = await import('@grpc/grpc-js');
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${token}`);
    const stream = h.referrals.watchReferrals({ afterSeq: 0 }, metadata);
    stream.on('data', (m: referralServiceV1.WatchReferralsResponse) => seen.push(m));
    stream.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const { referral } = await create(h.upward(group, patient));
    await accept(referral!.id);
    await waitFor('the stream to carry the acceptance', () =>
      Promise.resolve(
        seen.some((m) => m.change?.action === A.REFERRAL_ACTION_ACCEPT && m.referral?.id === referral!.id) ||
          undefined,
      ),
    );
    stream.cancel();

    const mine = seen.filter((m) => m.referral?.id === referral!.id).map((m) => A[m.change!.action]);
    expect(mine.slice(0, 3)).toEqual([
      'REFERRAL_ACTION_DRAFT',
      'REFERRAL_ACTION_SUBMIT',
      'REFERRAL_ACTION_ACCEPT',
    ]);
  });

  it('keeps one trace id from the partner call in referral to the event handled in scheduling', async () => {
    const traceId = randomBytes(16).toString('hex');
    const partnerSpanId = randomBytes(8).toString('hex');
    const patient = await h.contractedResident(group);

    const { referral } = await create(h.upward(group, patient), {
      traceparent: `00-${traceId}-${partnerSpanId}-01`,
    });
    await waitForHold(referral!.id);

    const services = await waitFor(
      'spans of both services in one trace',
      () => {
        const seen = collector.servicesInTrace(traceId);
        return Promise.resolve(seen.has('referral') && seen.has('scheduling') ? seen : undefined);
      },
      { timeoutMs: 20_000 },
    );
    expect([...services].sort()).toEqual(['referral', 'scheduling']);
    // Referral's server span of the call is the child of the partner's span the traceparent named.
    expect(
      collector
        .spansOf(traceId, {
          service: 'referral',
          name: 'grpc.medgrid.referral.v1.ReferralService/CreateReferral',
        })
        .map((span) => [span.kind, span.parentSpanId]),
    ).toEqual([[SpanKind.Server, partnerSpanId]]);
  });

  it('answers racing retries of one create request with the one referral it made', async () => {
    const request = h.upward(group, await h.contractedResident(group));

    const answers = await Promise.all(Array.from({ length: 8 }, () => create(request)));

    expect(new Set(answers.map((a) => a.referral!.id)).size).toBe(1);
  });

  it('applies an event delivered twice only once', async () => {
    const { referral } = await create(h.upward(group, await h.contractedResident(group)));
    await waitForHold(referral!.id);
    const rows = (
      await h.referralSql.query<{ envelope: Buffer; message_key: string; topic: string }>(
        `SELECT envelope, message_key, topic FROM outbox WHERE message_key = $1 ORDER BY seq`,
        [referral!.id],
      )
    ).rows;
    const producer = createKafka(
      { brokers: testKafkaBrokers(), clientId: 'e2e-redeliver' },
      createLogger({ service: 'e2e', level: 'warn' }),
    ).producer();
    await producer.connect();
    await producer.send({
      topic: rows[0]!.topic,
      messages: rows.flatMap((row) => [
        { key: row.message_key, value: row.envelope },
        { key: row.message_key, value: row.envelope },
      ]),
    });
    await producer.disconnect();

    await waitFor('the redeliveries to be seen as duplicates', async () => {
      const line = (await h.process.metrics())
        .split('\n')
        .find((l) => l.startsWith('medgrid_events_consumed_total') && l.includes('outcome="duplicate"'));
      return line && Number(line.split(' ').pop()) >= 2 ? true : undefined;
    });
    expect(
      await h.count(`SELECT count(*) AS n FROM slot_hold_request WHERE referral_id = $1`, [referral!.id]),
    ).toBe(1);
  });

  it('serves the criteria catalogue to everyone and lets only city operators edit it', async () => {
    const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
    const { entry: hypertension } = await h.call(
      h.criteria,
      h.criteria.lookupCriteria,
      { icd10Code: 'I10' },
      group.centre,
    );
    const { entries } = await h.call(h.criteria, h.criteria.listCriteria, {}, group.manager);
    const edited = { ...hypertension!, nameEn: 'Hypertension (group edition)' };

    const refused = await fails(
      h.call(
        h.criteria,
        h.criteria.putCriteria,
        { entry: edited, clientRequestId: uuidv7() },
        group.groupAdmin,
      ),
    );
    const { entry: stored } = await h.call(
      h.criteria,
      h.criteria.putCriteria,
      { entry: edited, clientRequestId: uuidv7() },
      operator,
    );
    const { entry: after } = await h.call(
      h.criteria,
      h.criteria.lookupCriteria,
      { icd10Code: 'I11.9' },
      group.centre,
    );

    expect(hypertension).toMatchObject({ key: 'I10-I13', specialtyCode: '03.04' });
    expect(entries.length).toBeGreaterThanOrEqual(30);
    expect(refused.code).toBe(status.PERMISSION_DENIED);
    expect(stored?.nameEn).toBe('Hypertension (group edition)');
    expect(after?.nameEn).toBe('Hypertension (group edition)');
  });

  it('names a bad catalogue entry’s fields inside the request’s entry', async () => {
    const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
    const { entry } = await h.call(h.criteria, h.criteria.lookupCriteria, { icd10Code: 'I10' }, operator);

    const error = await fails(
      h.call(
        h.criteria,
        h.criteria.putCriteria,
        { entry: { ...entry!, covers: ['I10', 'hypertension'], sources: [] }, clientRequestId: uuidv7() },
        operator,
      ),
    );

    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(error.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
      ['entry.covers[1]', 'INVALID_FORMAT'],
      ['entry.sources', 'REQUIRED'],
    ]);
  });

  describe('a token’s group claim', () => {
    it('refuses every call of the referral service when the institution is not in the claimed group, and audits each', async () => {
      const other = await h.newGroup('03.04');
      const inconsistent = await h.registry.auth.token(
        anIdentity({ role: 'primary-staff', institutionId: group.centreId, groupId: other.groupId }),
      );
      const before = await h.referralSql.query(`SELECT count(*)::int AS n FROM referral`);

      await expectEveryCallRefusedForTheClaimedGroup({
        address: h.referralProcess.grpcAddress,
        services: ReferralHarness.REFERRAL_SERVICES,
        token: inconsistent,
        institutionId: group.centreId,
        claimedGroupId: other.groupId,
        sql: h.referralSql,
      });
      expect((await h.referralSql.query(`SELECT count(*)::int AS n FROM referral`)).rows).toEqual(
        before.rows,
      );
    });

    it('refuses the reported case: a primary institution of one group creating a referral in another', async () => {
      const other = await h.newGroup('03.04');
      const patient = await h.contractedResident(group);
      const inconsistent = await h.registry.auth.token(
        anIdentity({ role: 'primary-staff', institutionId: group.centreId, groupId: other.groupId }),
      );

      const error = await fails(
        unary(h.referrals, h.referrals.createReferral, h.upward(group, patient), inconsistent),
      );

      expect(error).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'GROUP_CLAIM_MISMATCH' });
    });

    it('answers a token naming an institution the service has not learnt of with UNAVAILABLE, audited', async () => {
      const ghost = anIdentity({ role: 'hospital-staff', groupId: group.groupId });

      const error = await fails(h.call(h.referrals, h.referrals.listReferrals, { ...EMPTY_LIST }, ghost));

      expect(error).toMatchObject({ code: status.UNAVAILABLE, reason: 'INSTITUTION_NOT_KNOWN_YET' });
      expect(await auditedRefusals(h.referralSql, group.groupId)).toContainEqual({
        actor_institution_id: ghost.institutionId,
        purpose: 'INSTITUTION_NOT_KNOWN_YET /medgrid.referral.v1.ReferralService/ListReferrals',
      });
    });

    it('serves a collaborating unit acting for a group it collaborates with, once referral knows of it', async () => {
      const { InstitutionLevel: L, InstitutionType: T, MembershipRole: R } = registryV1;
      const provincial = await h.registry.newInstitution(
        group.gridId,
        L.INSTITUTION_LEVEL_TERTIARY,
        T.INSTITUTION_TYPE_GENERAL_HOSPITAL,
      );
      await h.registry.join(group.groupId, provincial.id, R.MEMBERSHIP_ROLE_COLLABORATING);
      const staff = anIdentity({
        role: 'hospital-staff',
        institutionId: provincial.id,
        groupId: group.groupId,
      });

      const page = await waitFor('referral to admit the collaborating unit', () =>
        h.call(h.referrals, h.referrals.listReferrals, { ...EMPTY_LIST }, staff).catch(() => undefined),
      );
      const asAdmin = await fails(
        h.call(h.referrals, h.referrals.listReferrals, { ...EMPTY_LIST }, { ...staff, role: 'group-admin' }),
      );

      expect(page.referrals).toEqual([]);
      expect(asAdmin).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'GROUP_CLAIM_MISMATCH' });
    });
  });

  it('refuses a call without a token', async () => {
    const error = await fails(unary(h.referrals, h.referrals.getReferral, { id: uuidv7() }, ''));

    expect(error.code).toBe(status.UNAUTHENTICATED);
  });

  it('loses nothing when the referral service dies between commit and publish', async () => {
    const patient = await h.contractedResident(group);
    await h.referralProcess.kill();
    await h.referralProcess.start({ OUTBOX_RELAY_ENABLED: 'false' });
    const { referral } = await create(h.upward(group, patient));
    await h.referralProcess.kill();
    const pending = await h.referralSql.query(`SELECT published_at FROM outbox WHERE message_key = $1`, [
      referral!.id,
    ]);
    expect(pending.rows.every((row: { published_at: Date | null }) => row.published_at === null)).toBe(true);

    await h.referralProcess.start();

    await waitForHold(referral!.id);
    const published = await h.referralSql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND published_at IS NULL`,
      [referral!.id],
    );
    expect(published.rows[0]).toEqual({ n: 0 });
  });

  it('finishes the saga when scheduling dies after the acceptance and comes back', async () => {
    await h.newSession(group, { capacity: 4, date: undefined });
    const patient = await h.contractedResident(group);
    const { referral } = await create(h.upward(group, patient));
    await waitForHold(referral!.id);
    await h.process.kill();

    await accept(referral!.id);
    await h.process.start();
    const scheduled = await h.waitForReferral(
      'scheduled after the restart',
      referral!.id,
      group.centre,
      (r) => statusOf(r) === S.REFERRAL_STATUS_SCHEDULED,
    );

    expect(scheduled.referral?.slot?.bookingId).toBeTruthy();
    expect(
      await h.count(
        `SELECT count(*) AS n FROM booking WHERE referral_id = $1 AND status IN ('held', 'booked')`,
        [referral!.id],
      ),
    ).toBe(1);
    expect(schedulingModelV1.Pool.POOL_RESERVED).toBeDefined();
  });

  it('gets its consumer back within 15 s of a crash: the dead member is dropped after the 10 s session timeout', async () => {
    await h.process.kill();
    const restarted = Date.now();
    await h.process.start({}, { waitForConsumer: false });

    // The replacement joins at once, but the group gives out partitions only once the dead member is dropped.
    await waitFor(
      'the consumer to join its group',
      async () => ((await h.process.readiness()).checks.consumer?.ok ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 100 },
    );

    expect(Date.now() - restarted).toBeLessThan(15_000);
  });
});
