import { status } from '@grpc/grpc-js';
import {
  centreServiceV1,
  SharedCentreChangedEvent,
  SterilisationBatchChangedEvent,
  sterilisationEventsV1,
  sterilisationServiceV1,
} from '@medgrid/contracts';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { auditedRefusals, expectEveryCallRefusedForTheClaimedGroup } from './group-claim';
import { fails } from './grpc-call';
import { LabSharingHarness } from './lab-sharing-harness';
import { outboxEventCount, outboxEvents } from './outbox';

const { CentreKind: K, CentreStatus: S, LabQualityKind: Q } = centreServiceV1;
const { SterilisationStatus: B, SterilisationMethod: M } = sterilisationServiceV1;

/**
 * Lab-sharing's shared centres end to end: the registry and lab-sharing as processes on the real PostgreSQL
 * and Kafka. Groups, institutions and practitioners reach lab-sharing over the registry's topics; a group's
 * administrator registers and runs its centres; the performing institutions' quality is recorded; a member
 * sends instruments to the sterilisation centre and gets them back.
 */
describe('lab-sharing shared centres', () => {
  const h = new LabSharingHarness();

  beforeAll(() => h.start('lab_sharing_centres'), 180_000);
  afterAll(() => h.stop());

  const centresOf = async (groupId: string) =>
    Number(
      (
        await h.sql.query<{ n: string }>('SELECT count(*) AS n FROM shared_centre WHERE group_id = $1', [
          groupId,
        ])
      ).rows[0]!.n,
    );

  describe('RegisterCentre', () => {
    it("registers a group's imaging centre at its lead hospital, serving the members named, and announces it", async () => {
      const g = await h.completeGroup();
      const request = {
        clientRequestId: uuidv7(),
        groupId: '',
        kind: K.CENTRE_KIND_IMAGING,
        name: ' 区域医学影像中心 ',
        hostInstitutionId: g.leadId,
        servedInstitutionIds: [g.memberId],
      };

      const { centre } = await h.call(h.centres, h.centres.registerCentre, request, g.admin);

      expect(centre).toMatchObject({
        groupId: g.groupId,
        kind: K.CENTRE_KIND_IMAGING,
        name: '区域医学影像中心',
        hostInstitutionId: g.leadId,
        servedInstitutionIds: [g.leadId, g.memberId],
        status: S.CENTRE_STATUS_ACTIVE,
        version: 1,
      });
      expect(await outboxEvents(h.sql, centre!.id, SharedCentreChangedEvent)).toEqual([
        { change: 1, institutionId: '', centre },
      ]);
      const { centre: got } = await h.call(
        h.centres,
        h.centres.getCentre,
        { centreId: centre!.id },
        g.member,
      );
      expect(got).toEqual(centre);
    });

    it('answers a retry with the centre it registered, and refuses the id for another request', async () => {
      const g = await h.completeGroup();
      const request = {
        clientRequestId: uuidv7(),
        groupId: g.groupId,
        kind: K.CENTRE_KIND_ECG,
        name: '心电诊断中心',
        hostInstitutionId: g.secondaryId,
        servedInstitutionIds: [],
      };
      const first = await h.call(h.centres, h.centres.registerCentre, request, g.admin);

      expect(await h.call(h.centres, h.centres.registerCentre, request, g.admin)).toEqual(first);
      expect(
        await fails(h.call(h.centres, h.centres.registerCentre, { ...request, name: '另一个中心' }, g.admin)),
      ).toMatchObject({
        code: status.INVALID_ARGUMENT,
        reason: 'CLIENT_REQUEST_REUSED',
        fieldViolations: [expect.objectContaining({ field: 'clientRequestId' })],
      });
      expect(await centresOf(g.groupId)).toBe(1);
      expect(await outboxEventCount(h.sql, first.centre!.id, SharedCentreChangedEvent)).toBe(1);
    });

    it('refuses bad input precisely and registers nothing', async () => {
      const g = await h.completeGroup();
      const other = await h.completeGroup();
      const register = (patch: Partial<centreServiceV1.RegisterCentreRequest>) =>
        fails(
          h.call(
            h.centres,
            h.centres.registerCentre,
            {
              clientRequestId: uuidv7(),
              groupId: '',
              kind: K.CENTRE_KIND_LABORATORY,
              name: '医学检验中心',
              hostInstitutionId: g.leadId,
              servedInstitutionIds: [],
              ...patch,
            },
            g.admin,
          ),
        );

      expect(await register({ hostInstitutionId: uuidv7() })).toMatchObject({
        code: status.INVALID_ARGUMENT,
        reason: 'UNKNOWN_INSTITUTION',
        fieldViolations: [
          expect.objectContaining({ field: 'hostInstitutionId', reason: 'UNKNOWN_INSTITUTION' }),
        ],
      });
      expect(await register({ hostInstitutionId: other.leadId })).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'HOST_NOT_IN_GROUP',
        fieldViolations: [expect.objectContaining({ field: 'hostInstitutionId' })],
      });
      expect(await register({ hostInstitutionId: g.memberId })).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'HOST_CANNOT_RUN_CENTRE',
      });
      expect(await register({ servedInstitutionIds: [g.memberId, other.memberId] })).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'NOT_A_GROUP_MEMBER',
        fieldViolations: [expect.objectContaining({ field: 'servedInstitutionIds[1]' })],
      });
      const malformed = await register({
        clientRequestId: 'again',
        kind: K.CENTRE_KIND_UNSPECIFIED,
        hostInstitutionId: 'lead',
        servedInstitutionIds: [g.memberId, 'x'],
      });
      expect(malformed.code).toBe(status.INVALID_ARGUMENT);
      expect(malformed.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
        ['clientRequestId', 'INVALID_FORMAT'],
        ['kind', 'REQUIRED'],
        ['hostInstitutionId', 'INVALID_FORMAT'],
        ['servedInstitutionIds[1]', 'INVALID_FORMAT'],
      ]);
      expect(await centresOf(g.groupId)).toBe(0);
    });

    it("refuses another group's administrator and the group's staff, as FORBIDDEN", async () => {
      const g = await h.completeGroup();
      const other = await h.completeGroup();
      const request = {
        clientRequestId: uuidv7(),
        groupId: g.groupId,
        kind: K.CENTRE_KIND_PATHOLOGY,
        name: '病理中心',
        hostInstitutionId: g.leadId,
        servedInstitutionIds: [],
      };

      for (const caller of [other.admin, g.lead]) {
        expect(await fails(h.call(h.centres, h.centres.registerCentre, request, caller))).toMatchObject({
          code: status.PERMISSION_DENIED,
          reason: 'FORBIDDEN',
        });
      }
      expect(await centresOf(g.groupId)).toBe(0);
    });
  });

  describe('a centre in use', () => {
    it('starts and stops serving a member, closes once, and announces each change', async () => {
      const g = await h.completeGroup();
      const centre = await h.newSharedCentre(g.admin, K.CENTRE_KIND_LABORATORY, g.leadId);
      const step = { clientRequestId: uuidv7(), centreId: centre.id, institutionId: g.memberId };

      const added = await h.call(h.centres, h.centres.addServedInstitution, step, g.admin);
      expect(await h.call(h.centres, h.centres.addServedInstitution, step, g.admin)).toEqual(added);
      expect(added.centre!.servedInstitutionIds).toEqual([g.leadId, g.memberId]);
      expect(
        await fails(
          h.call(
            h.centres,
            h.centres.removeServedInstitution,
            { ...step, clientRequestId: uuidv7(), institutionId: g.leadId },
            g.admin,
          ),
        ),
      ).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'HOST_IS_ALWAYS_SERVED' });
      const removed = await h.call(
        h.centres,
        h.centres.removeServedInstitution,
        { ...step, clientRequestId: uuidv7() },
        g.admin,
      );
      expect(removed.centre!.servedInstitutionIds).toEqual([g.leadId]);
      const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
      const closed = await h.call(
        h.centres,
        h.centres.closeCentre,
        { clientRequestId: uuidv7(), centreId: centre.id },
        operator,
      );
      const again = await h.call(
        h.centres,
        h.centres.closeCentre,
        { clientRequestId: uuidv7(), centreId: centre.id },
        g.admin,
      );

      expect(closed.centre).toMatchObject({ status: S.CENTRE_STATUS_CLOSED, version: 4 });
      expect(again.centre).toEqual(closed.centre);
      expect(
        (await outboxEvents(h.sql, centre.id, SharedCentreChangedEvent)).map((e) => [
          e.change,
          e.institutionId,
        ]),
      ).toEqual([
        [1, ''],
        [2, g.memberId],
        [3, g.memberId],
        [4, ''],
      ]);
    });

    it("lists a group's centres by name, page after page, to its members but not to another group", async () => {
      const g = await h.completeGroup();
      const other = await h.completeGroup();
      const made = [
        await h.newSharedCentre(g.admin, K.CENTRE_KIND_ECG, g.leadId),
        await h.newSharedCentre(g.admin, K.CENTRE_KIND_IMAGING, g.secondaryId),
        await h.newSharedCentre(g.admin, K.CENTRE_KIND_PATHOLOGY, g.leadId),
      ].sort((a, b) => (a.name < b.name ? -1 : 1));

      const first = await h.call(
        h.centres,
        h.centres.listCentres,
        { groupId: '', kind: 0, includeClosed: false, pageSize: 2, pageToken: '' },
        g.member,
      );
      const second = await h.call(
        h.centres,
        h.centres.listCentres,
        { groupId: '', kind: 0, includeClosed: false, pageSize: 2, pageToken: first.nextPageToken },
        g.member,
      );
      const imaging = await h.call(
        h.centres,
        h.centres.listCentres,
        { groupId: g.groupId, kind: K.CENTRE_KIND_IMAGING, includeClosed: false, pageSize: 0, pageToken: '' },
        g.admin,
      );

      expect([...first.centres, ...second.centres]).toEqual(made);
      expect(second.nextPageToken).toBe('');
      expect(imaging.centres.map((c) => c.kind)).toEqual([K.CENTRE_KIND_IMAGING]);
      // Each call starts only when its turn comes: a refusal started early would reject unawaited.
      for (const call of [
        () =>
          h.call(
            h.centres,
            h.centres.listCentres,
            { groupId: g.groupId, kind: 0, includeClosed: false, pageSize: 0, pageToken: '' },
            other.admin,
          ),
        () => h.call(h.centres, h.centres.getCentre, { centreId: made[0]!.id }, other.member),
      ]) {
        expect(await fails(call())).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'FORBIDDEN' });
      }
    });

    it("names as reporters the host's practitioners whose specialty fits, learnt from the registry's events", async () => {
      const g = await h.completeGroup();
      const ct = await h.newPractitioner(g.leadId, '12.02', '影像科 王医生');
      const cardiologist = await h.newPractitioner(g.leadId, '03.04', '心内科 李医生');
      await h.newPractitioner(g.memberId, '12.02', '社区 张医生');
      const imaging = await h.newSharedCentre(g.admin, K.CENTRE_KIND_IMAGING, g.leadId, [g.memberId]);
      const ecg = await h.newSharedCentre(g.admin, K.CENTRE_KIND_ECG, g.leadId);
      const reporters = async (centreId: string) =>
        (await h.call(h.centres, h.centres.listCentreReporters, { centreId }, g.member)).reporters.map(
          (r) => [r.practitionerId, r.specialtyCode],
        );

      expect(await reporters(imaging.id)).toEqual([[ct, '12.02']]);
      expect(await reporters(ecg.id)).toEqual([[cardiologist, '03.04']]);
    });
  });

  describe('lab quality', () => {
    it('records an accreditation with who recorded it, shown in force now; a group administrator only for the group', async () => {
      const g = await h.completeGroup();
      const other = await h.completeGroup();
      const now = Date.now();
      const request = {
        clientRequestId: uuidv7(),
        institutionId: g.leadId,
        kind: Q.LAB_QUALITY_KIND_ISO15189_ACCREDITATION,
        reference: 'CNAS MT0123',
        validFrom: new Date(now - 86_400_000),
        validUntil: new Date(now + 365 * 86_400_000),
      };

      const { record } = await h.call(h.centres, h.centres.recordLabQuality, request, g.admin);
      expect(await h.call(h.centres, h.centres.recordLabQuality, request, g.admin)).toEqual({ record });
      expect(record).toMatchObject({ recordedBy: g.admin.subject, recordedByInstitutionId: g.leadId });
      expect(
        await fails(
          h.call(
            h.centres,
            h.centres.recordLabQuality,
            { ...request, clientRequestId: uuidv7() },
            other.admin,
          ),
        ),
      ).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'FORBIDDEN' });
      expect(
        await fails(
          h.call(
            h.centres,
            h.centres.recordLabQuality,
            { ...request, clientRequestId: uuidv7(), validUntil: request.validFrom },
            g.admin,
          ),
        ),
      ).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'validUntil', reason: 'INVALID_QUALITY_RECORD' })],
      });
      expect(
        await h.call(h.centres, h.centres.getLabQuality, { institutionId: g.leadId }, other.member),
      ).toEqual({
        records: [record],
        accredited: true,
        qualityControlPassed: false,
      });
    });
  });

  describe('sterilisation supply', () => {
    it('carries a batch to the centre and back: a failed cycle on record, every step announced, retries answered', async () => {
      const g = await h.completeGroup();
      const centre = await h.newSharedCentre(g.admin, K.CENTRE_KIND_STERILISATION_SUPPLY, g.leadId, [
        g.memberId,
      ]);
      const send = {
        clientRequestId: uuidv7(),
        sendingInstitutionId: '',
        centreId: centre.id,
        packages: [
          { code: 'PKG-0001', name: '换药包', quantity: 10 },
          { code: 'PKG-0002', name: '缝合包', quantity: 4 },
        ],
      };
      const s = h.sterilisation;

      const { batch } = await h.call(s, s.sendBatch, send, g.member);
      expect(await h.call(s, s.sendBatch, send, g.member)).toEqual({ batch });
      const id = batch!.id;
      const step = () => ({ clientRequestId: uuidv7(), batchId: id });
      expect(await fails(h.call(s, s.receiveBatch, step(), g.member))).toMatchObject({
        code: status.PERMISSION_DENIED,
        reason: 'FORBIDDEN',
      });
      await h.call(s, s.receiveBatch, step(), g.lead);
      const cycle = (indicatorsPassed: boolean, cycleId: string) => ({
        ...step(),
        cycle: {
          cycleId,
          method: M.STERILISATION_METHOD_STEAM,
          indicatorsPassed,
          at: new Date(Date.now() - 1000),
        },
      });
      const failed = await h.call(s, s.recordCycle, cycle(false, 'ST-1'), g.lead);
      expect(failed.batch!.status).toBe(B.STERILISATION_STATUS_RECEIVED);
      expect(await fails(h.call(s, s.dispatchBatch, step(), g.lead))).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'STERILISATION_INDICATORS_FAILED',
      });
      await h.call(s, s.recordCycle, cycle(true, 'ST-2'), g.lead);
      await h.call(s, s.dispatchBatch, step(), g.lead);
      const { batch: returned } = await h.call(s, s.confirmReturn, step(), g.member);

      expect(returned).toMatchObject({
        status: B.STERILISATION_STATUS_RETURNED,
        sendingInstitutionId: g.memberId,
        centreInstitutionId: g.leadId,
        cycles: [
          expect.objectContaining({ cycleId: 'ST-1', indicatorsPassed: false }),
          expect.objectContaining({ cycleId: 'ST-2', indicatorsPassed: true }),
        ],
        version: 6,
      });
      expect(await h.call(s, s.getBatch, { batchId: id }, g.admin)).toEqual({ batch: returned });
      const { SterilisationChange: C } = sterilisationEventsV1;
      expect((await outboxEvents(h.sql, id, SterilisationBatchChangedEvent)).map((e) => e.change)).toEqual([
        C.STERILISATION_CHANGE_SENT,
        C.STERILISATION_CHANGE_RECEIVED,
        C.STERILISATION_CHANGE_CYCLE_FAILED,
        C.STERILISATION_CHANGE_STERILISED,
        C.STERILISATION_CHANGE_DISPATCHED,
        C.STERILISATION_CHANGE_RETURNED,
      ]);
      const list = (patch: Partial<sterilisationServiceV1.ListBatchesRequest>, caller = g.lead) =>
        h.call(
          s,
          s.listBatches,
          { centreId: '', sendingInstitutionId: '', status: 0, pageSize: 0, pageToken: '', ...patch },
          caller,
        );
      expect((await list({ centreId: centre.id })).batches.map((b) => b.id)).toEqual([id]);
      expect((await list({ sendingInstitutionId: g.memberId }, g.member)).batches.map((b) => b.id)).toEqual([
        id,
      ]);
      expect(await fails(list({}))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'centreId', reason: 'ONE_OF_REQUIRED' })],
      });
    });

    it('refuses a batch to a centre of another kind, and bad packages field by field', async () => {
      const g = await h.completeGroup();
      const lab = await h.newSharedCentre(g.admin, K.CENTRE_KIND_LABORATORY, g.leadId, [g.memberId]);
      const send = (patch: Partial<sterilisationServiceV1.SendBatchRequest>) =>
        fails(
          h.call(
            h.sterilisation,
            h.sterilisation.sendBatch,
            {
              clientRequestId: uuidv7(),
              sendingInstitutionId: '',
              centreId: lab.id,
              packages: [{ code: 'PKG-0001', name: '换药包', quantity: 1 }],
              ...patch,
            },
            g.member,
          ),
        );

      expect(await send({})).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'KIND_NOT_REPORTED_BY_CENTRE',
      });
      expect(await send({ centreId: uuidv7() })).toMatchObject({ code: status.NOT_FOUND });
      const supply = await h.newSharedCentre(g.admin, K.CENTRE_KIND_STERILISATION_SUPPLY, g.leadId, [
        g.memberId,
      ]);
      const bad = await send({ centreId: supply.id, packages: [{ code: 'x', name: '', quantity: 0 }] });
      expect(bad.fieldViolations.map((v) => v.field)).toEqual([
        'packages[0].code',
        'packages[0].name',
        'packages[0].quantity',
      ]);
      expect(
        Number(
          (
            await h.sql.query<{ n: string }>(
              'SELECT count(*) AS n FROM sterilisation_batch WHERE centre_id IN ($1, $2)',
              [lab.id, supply.id],
            )
          ).rows[0]!.n,
        ),
      ).toBe(0);
    });
  });

  it('refuses every call when the institution is not in the claimed group, and audits each', async () => {
    const g = await h.completeGroup();
    const other = await h.completeGroup();

    await expectEveryCallRefusedForTheClaimedGroup({
      address: h.process.grpcAddress,
      services: [centreServiceV1.CentreServiceService, sterilisationServiceV1.SterilisationServiceService],
      token: await h.registry.auth.token({ ...g.member, groupId: other.groupId }),
      institutionId: g.memberId,
      claimedGroupId: other.groupId,
      sql: h.sql,
    });
    expect((await auditedRefusals(h.sql, other.groupId)).length).toBe(16);
  });
});
