import { status } from '@grpc/grpc-js';
import { type criteriaServiceV1, referralV1, schedulingModelV1, schedulingV1 } from '@medgrid/contracts';
import { anIdentity, waitFor } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { fails } from './grpc-call';
import { ReferralHarness } from './referral-harness';
import { type GroupFixture, shanghaiDate } from './scheduling-fixtures';

const { ReferralStatus: S, ReferralAction: A } = referralV1;
const { SlotHoldRequestStatus: Hold } = schedulingV1;
const { Pool, BookingStatus } = schedulingModelV1;

/**
 * Steps of a referral no other suite takes end to end: submitting a draft and
 * declining a submitted referral, as the partner systems call them, with
 * registry, scheduling and referral running as real processes; and editing the
 * criteria catalogue, retries included.
 */
describe('referral steps', () => {
  const h = new ReferralHarness();
  let group: GroupFixture;
  const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
  /** How a client request id used for a different request is refused. */
  const reused = {
    code: status.INVALID_ARGUMENT,
    reason: 'CLIENT_REQUEST_REUSED',
    fieldViolations: [expect.objectContaining({ field: 'clientRequestId', reason: 'CLIENT_REQUEST_REUSED' })],
  };

  const create = (request: ReturnType<ReferralHarness['upward']>) =>
    h.call(h.referrals, h.referrals.createReferral, request, group.centre).then((r) => r.referral!);
  const submit = (id: string, clientRequestId = uuidv7(), who = group.centre) =>
    h
      .call(h.referrals, h.referrals.submitReferral, { clientRequestId, id, note: '家属同意上转' }, who)
      .then((r) => r.referral!);
  const decline = (id: string, reason: string, clientRequestId = uuidv7(), who = group.manager) =>
    h
      .call(h.referrals, h.referrals.declineReferral, { clientRequestId, id, reason }, who)
      .then((r) => r.referral!);
  const holdOf = async (referralId: string) =>
    (await h.call(h.saga, h.saga.getSlotHoldRequest, { referralId }, group.groupAdmin)).holdRequest;
  const waitForHold = (referralId: string, wanted: schedulingV1.SlotHoldRequestStatus) =>
    waitFor(
      `hold request ${referralId} to be ${Hold[wanted]}`,
      async () => ((await holdOf(referralId))?.status === wanted ? true : undefined),
      { timeoutMs: 30_000 },
    );

  beforeAll(async () => {
    await h.start('e2e_referral_steps');
    group = await h.newGroup('03.04');
  }, 300_000);

  afterAll(() => h.stop(), 120_000);

  describe('SubmitReferral', () => {
    it('submits a draft: routed then to the lead hospital’s department, with its 48 hours, and scheduling notes the hold', async () => {
      const patient = await h.contractedResident(group);
      const draft = await create(h.upward(group, patient, { draft: true }));
      expect(draft).toMatchObject({ status: S.REFERRAL_STATUS_DRAFT, dueAt: undefined });

      const submitted = await submit(draft.id);

      expect(submitted).toMatchObject({
        id: draft.id,
        status: S.REFERRAL_STATUS_SUBMITTED,
        receivingInstitutionId: group.hospitalId,
        receivingDepartmentId: group.departmentId,
        matchedIndicationCodes: ['HTN_SEVERE'],
        contractedResidentPriority: true,
      });
      expect(submitted.dueAt!.getTime() - submitted.submittedAt!.getTime()).toBe(48 * 3_600_000);
      const { history } = await h.referral(draft.id, group.centre);
      expect(history.map((e) => [A[e.action], S[e.toStatus], e.note])).toEqual([
        ['REFERRAL_ACTION_DRAFT', 'REFERRAL_STATUS_DRAFT', ''],
        ['REFERRAL_ACTION_SUBMIT', 'REFERRAL_STATUS_SUBMITTED', '家属同意上转'],
      ]);
      await waitForHold(draft.id, Hold.SLOT_HOLD_REQUEST_STATUS_REQUESTED);
      expect(await holdOf(draft.id)).toMatchObject({
        institutionId: group.hospitalId,
        departmentId: group.departmentId,
      });
    });

    it('answers a retry with the referral as submitted, and writes no second step', async () => {
      const draft = await create(h.upward(group, await h.contractedResident(group), { draft: true }));
      const clientRequestId = uuidv7();
      const first = await submit(draft.id, clientRequestId);

      const retry = await submit(draft.id, clientRequestId);

      expect(retry).toEqual(first);
      expect((await h.referral(draft.id, group.centre)).history).toHaveLength(2);
    });

    it('lets only the referrer submit, and only a draft', async () => {
      const draft = await create(h.upward(group, await h.contractedResident(group), { draft: true }));

      // A draft is the referrer's alone: the hospital cannot even see it yet.
      expect(await fails(submit(draft.id, uuidv7(), group.manager))).toMatchObject({
        code: status.NOT_FOUND,
      });
      await submit(draft.id);
      expect(await fails(submit(draft.id))).toMatchObject({ code: status.FAILED_PRECONDITION });
      expect(await fails(submit(uuidv7()))).toMatchObject({
        code: status.NOT_FOUND,
        fieldViolations: [expect.objectContaining({ field: 'id' })],
      });
      expect((await h.referral(draft.id, group.centre)).history).toHaveLength(2);
    });
  });

  describe('CreateReferral retried', () => {
    it('answers a retry with the referral it made, and refuses its id for any other referral, making none', async () => {
      const patient = await h.contractedResident(group);
      const request = h.upward(group, patient);
      const first = await create(request);

      const retry = await create(request);
      const otherPatient = await fails(
        create({ ...request, patientResidentId: await h.contractedResident(group) }),
      );
      const otherReason = await fails(create({ ...request, reason: '血压控制不佳，需调整方案' }));

      expect(retry).toEqual(first);
      expect(otherPatient).toMatchObject(reused);
      expect(otherReason).toMatchObject(reused);
      expect(
        (
          await h.referralSql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM referral WHERE client_request_id = $1`,
            [request.clientRequestId],
          )
        ).rows[0],
      ).toEqual({ n: 1 });
    });
  });

  describe('DeclineReferral', () => {
    const reason = '本院心内科本周已满，建议转至协作医院';

    it('declines a submitted referral with its reason, which the referrer reads, and scheduling lets go of what it holds for it', async () => {
      const patient = await h.contractedResident(group);
      const { id } = await create(h.upward(group, patient));
      await waitForHold(id, Hold.SLOT_HOLD_REQUEST_STATUS_REQUESTED);
      // The referrer booked a reserved slot in the referral's name while it waited for the hospital.
      const session = await h.newSession(group, { capacity: 3 });
      const claim = () => ({
        clientRequestId: uuidv7(),
        sessionId: session.id,
        patientResidentId: patient,
        pool: Pool.POOL_RESERVED,
        referralId: id,
      });
      const { booking } = await h.call(h.booking, h.booking.bookSlot, { claim: claim() }, group.centre);

      const declined = await decline(id, reason);

      expect(declined).toMatchObject({ status: S.REFERRAL_STATUS_DECLINED, outcomeReason: reason });
      const seen = await h.referral(id, group.centre);
      expect(seen.referral).toMatchObject({ status: S.REFERRAL_STATUS_DECLINED, outcomeReason: reason });
      expect(seen.history.at(-1)).toMatchObject({
        action: A.REFERRAL_ACTION_DECLINE,
        toStatus: S.REFERRAL_STATUS_DECLINED,
        note: reason,
        actorInstitutionId: group.hospitalId,
      });
      await waitForHold(id, Hold.SLOT_HOLD_REQUEST_STATUS_RELEASED);
      const { booking: after } = await h.call(
        h.booking,
        h.booking.getBooking,
        { bookingId: booking!.id },
        group.centre,
      );
      expect(after).toMatchObject({ status: BookingStatus.BOOKING_STATUS_CANCELLED });
      expect(after!.cancelReason).toContain(reason);
      expect(
        (await h.call(h.schedule, h.schedule.getSession, { sessionId: session.id }, group.manager)).session,
      ).toMatchObject({ freeReserved: 1 });
      // The declined referral no longer opens the hospital's reserved pool to its patient.
      expect(
        await fails(h.call(h.booking, h.booking.bookSlot, { claim: claim() }, group.centre)),
      ).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'REFERRAL_HOLD_ENDED',
      });
    });

    it('answers a retry with the declined referral', async () => {
      const { id } = await create(h.upward(group, await h.contractedResident(group)));
      const clientRequestId = uuidv7();
      const first = await decline(id, reason, clientRequestId);

      expect(await decline(id, reason, clientRequestId)).toEqual(first);
    });

    it('lets only the receiving hospital decline, with a reason, while the referral is submitted', async () => {
      const { id } = await create(h.upward(group, await h.contractedResident(group)));

      expect(await fails(decline(id, reason, uuidv7(), group.centre))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });
      expect(await fails(decline(id, '  '))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'reason' })],
      });
      await h.call(h.referrals, h.referrals.acceptReferral, h.step(id), group.manager);
      expect(await fails(decline(id, reason))).toMatchObject({ code: status.FAILED_PRECONDITION });
      expect((await h.referral(id, group.centre)).referral?.status).not.toBe(S.REFERRAL_STATUS_DECLINED);
    });
  });

  describe('ListReferrals', () => {
    it('refuses a creation window that ends before it starts, naming its end', async () => {
      const list = (createdFrom: Date, createdTo: Date) =>
        h.call(
          h.referrals,
          h.referrals.listReferrals,
          {
            institutionId: '',
            patientResidentId: '',
            status: S.REFERRAL_STATUS_UNSPECIFIED,
            direction: referralV1.ReferralDirection.REFERRAL_DIRECTION_UNSPECIFIED,
            createdFrom,
            createdTo,
            overdueOnly: false,
            pageSize: 0,
            pageToken: '',
          },
          group.groupAdmin,
        );
      const { id } = await create(h.upward(group, await h.contractedResident(group)));
      const now = Date.now();

      expect(await fails(list(new Date(now), new Date(now - 3_600_000)))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'createdTo' })],
      });
      const { referrals } = await list(new Date(now - 3_600_000), new Date(now + 60_000));
      expect(referrals.map((r) => r.id)).toContain(id);
    });

    const page = (patientResidentId: string, pageSize: number, pageToken = '') =>
      h.call(
        h.referrals,
        h.referrals.listReferrals,
        {
          institutionId: '',
          patientResidentId,
          status: S.REFERRAL_STATUS_UNSPECIFIED,
          direction: referralV1.ReferralDirection.REFERRAL_DIRECTION_UNSPECIFIED,
          createdFrom: undefined,
          createdTo: undefined,
          overdueOnly: false,
          pageSize,
          pageToken,
        },
        group.groupAdmin,
      );

    it('pages through a patient’s referrals, newest first, each once', async () => {
      const patient = await h.contractedResident(group);
      const made: string[] = [];
      for (let i = 0; i < 3; i++) made.push((await create(h.upward(group, patient, { draft: true }))).id);

      const first = await page(patient, 2);
      const second = await page(patient, 2, first.nextPageToken);

      expect([...first.referrals, ...second.referrals].map((r) => r.id)).toEqual(made.reverse());
      expect(first.nextPageToken).not.toBe('');
      expect(second.nextPageToken).toBe('');
    });

    it('refuses a page size above 200 and a token it did not hand out, naming each field', async () => {
      const patient = await h.contractedResident(group);

      expect(await fails(page(patient, 201, 'bm90LWEtdG9rZW4'))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [
          expect.objectContaining({ field: 'pageSize', reason: 'OUT_OF_RANGE' }),
          expect.objectContaining({ field: 'pageToken', reason: 'INVALID_VALUE' }),
        ],
      });
    });
  });

  describe('GetReferralStatistics', () => {
    const statistics = (who = group.groupAdmin, from = today(), until = today(), institutionId = '') =>
      h.call(
        h.referrals,
        h.referrals.getReferralStatistics,
        { from, until, groupId: '', institutionId },
        who,
      );
    const today = () => shanghaiDate(0);

    it("counts a group's sent referrals of the month with their outcome, drafts left out, as each caller sees them", async () => {
      const fresh = await h.newGroup('03.04');
      const patient = await h.contractedResident(fresh);
      const sent = await h.call(
        h.referrals,
        h.referrals.createReferral,
        h.upward(fresh, patient),
        fresh.centre,
      );
      await h.call(h.referrals, h.referrals.createReferral, h.upward(fresh, patient), fresh.centre);
      await h.call(
        h.referrals,
        h.referrals.createReferral,
        h.upward(fresh, patient, { draft: true }),
        fresh.centre,
      );
      await h.call(
        h.referrals,
        h.referrals.declineReferral,
        { clientRequestId: uuidv7(), id: sent.referral!.id, reason: '本院暂无床位' },
        fresh.manager,
      );

      const { figures } = await statistics(fresh.groupAdmin);
      const { figures: seenByOtherGroup } = await statistics(
        group.groupAdmin,
        today(),
        today(),
        fresh.centreId,
      );

      expect(figures).toEqual([
        {
          month: today().slice(0, 7),
          groupId: fresh.groupId,
          direction: referralV1.ReferralDirection.REFERRAL_DIRECTION_UPWARD,
          referrals: 2,
          handledInTime: 0,
          breached: 0,
          declined: 1,
          greenChannel: 0,
        },
      ]);
      expect(seenByOtherGroup).toEqual([]);
    });

    it('refuses a range that ends before it starts, naming its end', async () => {
      expect(await fails(statistics(operator, '2026-11-02', '2026-11-01'))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'until', reason: 'OUT_OF_RANGE' })],
      });
    });
  });

  describe('PutCriteria and RemoveCriteria', () => {
    const lookup = (icd10Code: string) =>
      h.call(h.criteria, h.criteria.lookupCriteria, { icd10Code }, group.centre).then((r) => r.entry!);
    const put = (request: criteriaServiceV1.PutCriteriaRequest, who = operator) =>
      h.call(h.criteria, h.criteria.putCriteria, request, who).then((r) => r.entry!);
    const remove = (key: string, who = operator, clientRequestId = uuidv7()) =>
      h.call(h.criteria, h.criteria.removeCriteria, { key, clientRequestId }, who);
    /** A skin disease the starter catalogue does not cover, shaped as the hypertension entry. */
    const skinDisease = async (
      code: string,
      nameZh: string,
      nameEn: string,
    ): Promise<criteriaServiceV1.DiseaseCriteria> => ({
      ...(await lookup('I10')),
      key: '',
      covers: [code],
      nameZh,
      nameEn,
      specialtyCode: '03.04',
      greenChannel: referralV1.GreenChannel.GREEN_CHANNEL_UNSPECIFIED,
    });

    it('removes an entry for a city operator: lookups and the list no longer hold it', async () => {
      await put({ entry: await skinDisease('L40', '银屑病', 'Psoriasis'), clientRequestId: uuidv7() });
      expect(await lookup('L40.0')).toMatchObject({ key: 'L40', nameEn: 'Psoriasis' });

      expect(await fails(remove('L40', group.groupAdmin))).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(await remove('L40')).toEqual({});

      expect(await fails(lookup('L40.0'))).toMatchObject({ code: status.NOT_FOUND });
      const { entries } = await h.call(h.criteria, h.criteria.listCriteria, {}, group.manager);
      expect(entries.map((e) => e.key)).not.toContain('L40');
      expect(entries.map((e) => e.key)).toContain('I10-I13');
    });

    it('refuses a key that names no entry, and an empty one, naming the key', async () => {
      expect(await fails(remove('Z99'))).toMatchObject({
        code: status.NOT_FOUND,
        fieldViolations: [expect.objectContaining({ field: 'key' })],
      });
      expect(await fails(remove(' '))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'key', reason: 'REQUIRED' })],
      });
    });

    it('answers a retried put with the entry it stored, and refuses its id for another entry, storing nothing', async () => {
      const request = {
        entry: await skinDisease('L41', '副银屑病', 'Parapsoriasis'),
        clientRequestId: uuidv7(),
      };
      const first = await put(request);

      const retry = await put(request);
      const otherEntry = await fails(
        put({ ...request, entry: { ...request.entry, nameEn: 'Parapsoriasis en plaques' } }),
      );

      expect(first).toMatchObject({ key: 'L41', nameEn: 'Parapsoriasis' });
      expect(retry).toEqual(first);
      expect(otherEntry).toMatchObject(reused);
      expect(await lookup('L41.0')).toEqual(first);
    });

    it('answers a retried removal as the first, though the entry is gone, and refuses its id for another key, removing nothing', async () => {
      await put({ entry: await skinDisease('L43', '扁平苔藓', 'Lichen planus'), clientRequestId: uuidv7() });
      await put({
        entry: await skinDisease('L44', '其他丘疹鳞屑性疾病', 'Other papulosquamous disorders'),
        clientRequestId: uuidv7(),
      });
      const clientRequestId = uuidv7();
      await remove('L43', operator, clientRequestId);

      const retry = await remove('L43', operator, clientRequestId);
      const otherKey = await fails(remove('L44', operator, clientRequestId));

      expect(retry).toEqual({});
      expect(otherKey).toMatchObject(reused);
      expect(await lookup('L44.0')).toMatchObject({ key: 'L44' });
      expect(await fails(lookup('L43.0'))).toMatchObject({ code: status.NOT_FOUND });
    });
  });
});
