import { credentials, status } from '@grpc/grpc-js';
import { AdmissionChangedEvent, bedServiceV1, schedulingModelV1 } from '@medgrid/contracts';
import { v7 as uuidv7 } from 'uuid';
import { fails, refusal, unary } from './grpc-call';
import { outboxEventCount } from './outbox';
import { aFreshResidentId, type GroupFixture } from './scheduling-fixtures';
import { SchedulingHarness } from './scheduling-harness';

const { Pool, AdmissionStatus } = schedulingModelV1;

/**
 * Wards and admissions against the scheduling service as a real process on the
 * real PostgreSQL: a quarter of every ward reserved for referrals from primary
 * care, beds that are never given twice when nurses assign at once, the ward's
 * queue, idempotent retries, audited reads and precise refusals that change nothing.
 */
describe('scheduling beds', () => {
  const h = new SchedulingHarness();
  let group: GroupFixture;

  const registerWard = (bedCount: number, name?: string, clientRequestId?: string) =>
    h.registerWard(group, bedCount, { name, clientRequestId });
  const getWard = (wardId: string) =>
    h.call(h.bed, h.bed.getWard, { wardId }, group.manager).then((r) => r.ward!);
  const requestAdmission = (wardId: string, patientResidentId = aFreshResidentId(), who = group.manager) =>
    h
      .call(
        h.bed,
        h.bed.requestAdmission,
        { clientRequestId: uuidv7(), wardId, patientResidentId, referralId: '' },
        who,
      )
      .then((r) => r.admission!);
  const assignBed = (admissionId: string, pool = Pool.POOL_UNSPECIFIED, clientRequestId = uuidv7()) =>
    h
      .call(h.bed, h.bed.assignBed, { clientRequestId, admissionId, pool }, group.manager)
      .then((r) => r.admission!);
  const getAdmission = (admissionId: string, who = group.manager) =>
    h.call(h.bed, h.bed.getAdmission, { admissionId }, who).then((r) => r.admission!);
  const admissionEvents = (admissionId: string) =>
    outboxEventCount(h.sql, admissionId, AdmissionChangedEvent);

  beforeAll(async () => {
    await h.start('e2e_scheduling_beds');
    group = await h.newGroup();
  }, 240_000);

  afterAll(() => h.stop());

  it('reserves a quarter of a ward for primary care, rounded up, and answers a retry with the same ward', async () => {
    const clientRequestId = uuidv7();
    const ward = await registerWard(10, '心内科一病区', clientRequestId);

    expect(ward).toMatchObject({
      institutionId: group.hospitalId,
      groupId: group.groupId,
      specialtyCode: group.specialtyCode,
      bedCount: 10,
      reservedBeds: 3,
      freeReserved: 3,
      freePublic: 7,
    });
    expect(await registerWard(10, '心内科一病区', clientRequestId)).toEqual(ward);
    expect(await fails(registerWard(12, '心内科二病区', clientRequestId))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      reason: 'CLIENT_REQUEST_REUSED',
    });
    expect(await h.count(`SELECT count(*) AS n FROM bed WHERE ward_id = $1`, [ward.id])).toBe(10);
    expect(await fails(registerWard(10, '心内科一病区'))).toMatchObject({
      code: status.ALREADY_EXISTS,
      reason: 'WARD_NAME_TAKEN',
    });
  });

  it('admits a walk-in patient to a public bed, keeps the reserved beds from them, and frees the bed on discharge', async () => {
    const ward = await registerWard(4); // 1 reserved, 3 public
    const requested = await requestAdmission(ward.id);
    expect(requested).toMatchObject({ status: AdmissionStatus.ADMISSION_STATUS_REQUESTED, bedCode: '' });

    expect(await fails(assignBed(requested.id, Pool.POOL_RESERVED))).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'RESERVED_POOL_NOT_ALLOWED',
    });
    expect(await getAdmission(requested.id)).toMatchObject({
      status: AdmissionStatus.ADMISSION_STATUS_REQUESTED,
    });

    const retryId = uuidv7();
    const admitted = await assignBed(requested.id, Pool.POOL_UNSPECIFIED, retryId);
    expect(admitted).toMatchObject({
      status: AdmissionStatus.ADMISSION_STATUS_ADMITTED,
      pool: Pool.POOL_PUBLIC,
      bedCode: '2',
    });
    expect(await assignBed(requested.id, Pool.POOL_UNSPECIFIED, retryId)).toEqual(admitted);
    expect(await getWard(ward.id)).toMatchObject({ freeReserved: 1, freePublic: 2 });

    const discharged = await h
      .call(h.bed, h.bed.discharge, { clientRequestId: uuidv7(), admissionId: requested.id }, group.manager)
      .then((r) => r.admission!);
    expect(discharged).toMatchObject({ status: AdmissionStatus.ADMISSION_STATUS_DISCHARGED, bedCode: '2' });
    expect(discharged.dischargedAt).toBeInstanceOf(Date);
    expect(await getWard(ward.id)).toMatchObject({ freeReserved: 1, freePublic: 3 });
    // requested, bed assigned, discharged: one event each, none for the retry
    expect(await admissionEvents(requested.id)).toBe(3);
  });

  it('gives each free bed exactly once when nurses assign many admissions at once', async () => {
    const ward = await registerWard(8); // 2 reserved, 6 public
    const admissions = await Promise.all(Array.from({ length: 20 }, () => requestAdmission(ward.id)));
    const token = await h.registry.auth.token(group.manager);
    const channels = Array.from(
      { length: 8 },
      () => new bedServiceV1.BedServiceClient(h.process.grpcAddress, credentials.createInsecure()),
    );
    try {
      const outcomes = await Promise.all(
        admissions.map((a, i) =>
          unary(
            channels[i % 8]!,
            channels[i % 8]!.assignBed,
            { clientRequestId: uuidv7(), admissionId: a.id, pool: Pool.POOL_UNSPECIFIED },
            token,
          ).then(
            (r) => r.admission!,
            (error: unknown) => refusal(error),
          ),
        ),
      );
      const admitted = outcomes.filter((o): o is schedulingModelV1.Admission => 'bedCode' in o);
      const refused = outcomes.filter((o): o is ReturnType<typeof refusal> => !('bedCode' in o));

      expect(admitted).toHaveLength(6);
      expect(new Set(admitted.map((a) => a.bedCode)).size).toBe(6);
      expect(admitted.every((a) => a.pool === Pool.POOL_PUBLIC)).toBe(true);
      expect(refused).toHaveLength(14);
      expect(refused.every((r) => r.code === status.RESOURCE_EXHAUSTED && r.reason === 'NO_BED_FREE')).toBe(
        true,
      );
    } finally {
      channels.forEach((c) => c.close());
    }
    expect(
      await h.count(
        `SELECT count(*) AS n FROM bed b JOIN admission a ON a.id = b.admission_id
          WHERE b.ward_id = $1 AND a.status = 'admitted' AND a.bed_code = b.bed_code`,
        [ward.id],
      ),
    ).toBe(6);
    expect(
      await h.count(`SELECT count(*) AS n FROM admission WHERE ward_id = $1 AND status = 'requested'`, [
        ward.id,
      ]),
    ).toBe(14);
    expect(await getWard(ward.id)).toMatchObject({ freeReserved: 2, freePublic: 0 });
  });

  it('answers a retried admission request with the admission it made, and refuses its id for another patient', async () => {
    const ward = await registerWard(2);
    const ask = (patientResidentId: string, clientRequestId: string) =>
      h.call(
        h.bed,
        h.bed.requestAdmission,
        { clientRequestId, wardId: ward.id, patientResidentId, referralId: '' },
        group.centre,
      );
    const clientRequestId = uuidv7();
    const patient = aFreshResidentId();
    const first = await ask(patient, clientRequestId);

    expect(await ask(patient, clientRequestId)).toEqual(first);
    expect(await fails(ask(aFreshResidentId(), clientRequestId))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      reason: 'CLIENT_REQUEST_REUSED',
    });
    expect(await h.count(`SELECT count(*) AS n FROM admission WHERE ward_id = $1`, [ward.id])).toBe(1);
    expect(await admissionEvents(first.admission!.id)).toBe(1);
  });

  it('lets a patient wait for one bed at a time', async () => {
    const ward = await registerWard(2);
    const patient = aFreshResidentId();
    await requestAdmission(ward.id, patient);

    expect(await fails(requestAdmission(ward.id, patient))).toMatchObject({
      code: status.ALREADY_EXISTS,
      reason: 'ALREADY_ADMITTED',
    });
  });

  it('cancels an admission only while it waits for a bed', async () => {
    const ward = await registerWard(2);
    const waiting = await requestAdmission(ward.id, aFreshResidentId(), group.centre);
    const cancel = (admissionId: string, who = group.centre) =>
      h
        .call(
          h.bed,
          h.bed.cancelAdmission,
          { clientRequestId: uuidv7(), admissionId, reason: '患者已好转' },
          who,
        )
        .then((r) => r.admission!);

    expect(await cancel(waiting.id)).toMatchObject({
      status: AdmissionStatus.ADMISSION_STATUS_CANCELLED,
      cancelReason: '患者已好转',
      requestedByInstitutionId: group.centreId,
    });

    const admitted = await requestAdmission(ward.id);
    await assignBed(admitted.id);
    expect(await fails(cancel(admitted.id, group.manager))).toMatchObject({
      code: status.FAILED_PRECONDITION,
      reason: 'ILLEGAL_TRANSITION',
    });
    expect(await getAdmission(admitted.id)).toMatchObject({
      status: AdmissionStatus.ADMISSION_STATUS_ADMITTED,
    });
  });

  it("lists the ward's queue in request order, pages it, and audits every admission it shows", async () => {
    const ward = await registerWard(3);
    const first = await requestAdmission(ward.id);
    const second = await requestAdmission(ward.id);
    const third = await requestAdmission(ward.id);
    const list = (pageToken = '', pageSize = 2, who = group.manager) =>
      h.call(
        h.bed,
        h.bed.listAdmissions,
        { wardId: ward.id, status: AdmissionStatus.ADMISSION_STATUS_UNSPECIFIED, pageSize, pageToken },
        who,
      );

    const page1 = await list();
    const page2 = await list(page1.nextPageToken);

    expect(page1.admissions.map((a) => a.id)).toEqual([first.id, second.id]);
    expect(page2.admissions.map((a) => a.id)).toEqual([third.id]);
    expect(page2.nextPageToken).toBe('');
    expect(
      await h.count(
        `SELECT count(*) AS n FROM audit_log WHERE subject_kind = 'admission' AND subject_id = ANY($1)`,
        [[first.id, second.id, third.id]],
      ),
    ).toBe(3);
    expect(await fails(list('', 0, group.centre))).toMatchObject({ code: status.PERMISSION_DENIED });
    expect(await fails(list('bm90LWEtdG9rZW4', 201))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fieldViolations: [
        expect.objectContaining({ field: 'pageSize', reason: 'OUT_OF_RANGE' }),
        expect.objectContaining({ field: 'pageToken', reason: 'INVALID_FORMAT' }),
      ],
    });
  });

  it('shows an admission to the institution that asked for it, and audits the read', async () => {
    const ward = await registerWard(2);
    const asked = await requestAdmission(ward.id, aFreshResidentId(), group.centre);

    expect(await getAdmission(asked.id, group.centre)).toMatchObject({ id: asked.id });
    expect(
      await h.count(
        `SELECT count(*) AS n FROM audit_log WHERE subject_kind = 'admission' AND subject_id = $1`,
        [asked.id],
      ),
    ).toBe(1);
  });

  it("reports the hospital's beds per pool against the target", async () => {
    const report = await h.dailyReport(group, '');

    const wards = await h.count(
      `SELECT coalesce(sum(bed_count), 0) AS n FROM ward WHERE institution_id = $1`,
      [group.hospitalId],
    );
    const reserved = await h.count(
      `SELECT coalesce(sum(reserved_beds), 0) AS n FROM ward WHERE institution_id = $1`,
      [group.hospitalId],
    );
    const occupiedPublic = await h.count(
      `SELECT count(*) AS n FROM bed b JOIN ward w ON w.id = b.ward_id
        WHERE w.institution_id = $1 AND b.pool = 'public' AND b.admission_id IS NOT NULL`,
      [group.hospitalId],
    );
    expect(report.beds).toMatchObject({
      beds: wards,
      reservedBeds: reserved,
      reservedOccupied: 0,
      publicOccupied: occupiedPublic,
      targetRatioBp: 2500,
      targetMet: true,
    });
  });

  describe('bad input gets a precise error and changes nothing', () => {
    it('a ward without beds or with too many', async () => {
      for (const bedCount of [0, 501]) {
        expect(await fails(registerWard(bedCount, '空病区'))).toMatchObject({
          code: status.INVALID_ARGUMENT,
          fieldViolations: [expect.objectContaining({ field: 'bedCount' })],
        });
      }
      expect(await h.count(`SELECT count(*) AS n FROM ward WHERE name = '空病区'`, [])).toBe(0);
    });

    it('a department of another hospital', async () => {
      const other = await h.newGroup();

      const error = await fails(
        h.registerWard(group, 4, { name: '错科室病区', departmentId: other.departmentId }),
      );

      expect(error).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'departmentId' })],
      });
    });

    it('an unknown ward, an invalid resident ID number and a referral scheduling never heard of', async () => {
      const ward = await registerWard(2);

      expect(await fails(requestAdmission(uuidv7()))).toMatchObject({
        code: status.NOT_FOUND,
        fieldViolations: [expect.objectContaining({ field: 'wardId' })],
      });
      expect(await fails(requestAdmission(ward.id, '110101199003077574'))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'patientResidentId' })],
      });
      expect(
        await fails(
          h.call(
            h.bed,
            h.bed.requestAdmission,
            {
              clientRequestId: uuidv7(),
              wardId: ward.id,
              patientResidentId: aFreshResidentId(),
              referralId: uuidv7(),
            },
            group.manager,
          ),
        ),
      ).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'REFERRAL_UNKNOWN',
        fieldViolations: [expect.objectContaining({ field: 'referralId' })],
      });
      expect(await h.count(`SELECT count(*) AS n FROM admission WHERE ward_id = $1`, [ward.id])).toBe(0);
    });

    it('a bed for an unknown admission, and a discharge of a patient never admitted', async () => {
      const ward = await registerWard(2);
      const waiting = await requestAdmission(ward.id);

      expect(await fails(assignBed(uuidv7()))).toMatchObject({ code: status.NOT_FOUND });
      expect(
        await fails(
          h.call(
            h.bed,
            h.bed.discharge,
            { clientRequestId: uuidv7(), admissionId: waiting.id },
            group.manager,
          ),
        ),
      ).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'ILLEGAL_TRANSITION' });
      expect(await getAdmission(waiting.id)).toMatchObject({
        status: AdmissionStatus.ADMISSION_STATUS_REQUESTED,
      });
      expect(await getWard(ward.id)).toMatchObject({ freeReserved: 1, freePublic: 1 });
    });

    it('a primary institution assigning a hospital bed', async () => {
      const ward = await registerWard(2);
      const waiting = await requestAdmission(ward.id, aFreshResidentId(), group.centre);

      expect(
        await fails(
          h.call(
            h.bed,
            h.bed.assignBed,
            { clientRequestId: uuidv7(), admissionId: waiting.id, pool: 0 },
            group.centre,
          ),
        ),
      ).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(await getWard(ward.id)).toMatchObject({ freeReserved: 1, freePublic: 1 });
    });
  });

  it("asks for no admission in the name of the group's administrator, who supervises and sees the ward", async () => {
    const ward = await registerWard(2);

    expect(await fails(requestAdmission(ward.id, aFreshResidentId(), group.groupAdmin))).toMatchObject({
      code: status.PERMISSION_DENIED,
    });
    expect(await h.count(`SELECT count(*) AS n FROM admission WHERE ward_id = $1`, [ward.id])).toBe(0);
    expect(await h.call(h.bed, h.bed.getWard, { wardId: ward.id }, group.groupAdmin)).toMatchObject({
      ward: { freeReserved: 1, freePublic: 1 },
    });
  });
});
