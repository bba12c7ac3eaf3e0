import { status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  centreServiceV1,
  type labReportServiceV1,
  OrderedAnywayEvent,
  orderServiceV1,
  recognitionServiceV1,
  referralV1,
  ResultChangedEvent,
  ResultReusedEvent,
  resultServiceV1,
} from '@medgrid/contracts';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { fails } from './grpc-call';
import { LabSharingHarness } from './lab-sharing-harness';
import { outboxEventCount } from './outbox';
import { aFreshResidentId } from './scheduling-fixtures';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const { RecognitionMark: Mark, LookupOutcome: Outcome } = recognitionServiceV1;

/** A fasting glucose of `value` mmol/L in its range 3.9-6.1. */
const glucose = (value: number): labReportServiceV1.Observation => ({
  itemCode: 'LAB-GLU',
  nationalCode: '',
  loinc: '14771-0',
  name: '空腹血糖',
  quantity: { value, unit: 'mmol/L' },
  referenceRange: { low: 3.9, high: 6.1 },
  flag: value > 6.1 ? 'H' : 'N',
});

/**
 * The result registry and mutual recognition (检查检验结果互认) with lab-sharing and the registry as processes: a
 * city's catalogue loaded from the starter, results recorded by the performing institution's LIS, "already
 * done?" answered with the regional mark within validity and nothing once expired, reuse and ordering anyway
 * recorded, sensitive results masked by role and purpose, every read audited, another group refused.
 */
describe('lab-sharing result registry and recognition', () => {
  const h = new LabSharingHarness();
  const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
  let group: Awaited<ReturnType<LabSharingHarness['completeGroup']>>;
  let other: Awaited<ReturnType<LabSharingHarness['completeGroup']>>;
  let regionId: string;
  /** The secondary hospital's LIS: it performs the exams (accredited). */
  let lis: Identity;
  /** A clinician of the secondary hospital. */
  let clinician: Identity;

  beforeAll(async () => {
    await h.start('lab_sharing_results');
    group = await h.completeGroup();
    other = await h.completeGroup();
    regionId = await h.knowsCityOf(group.gridId);
    await h.knowsCityOf(other.gridId);
    lis = anIdentity({ role: 'partner-system', institutionId: group.secondaryId, groupId: group.groupId });
    clinician = anIdentity({
      role: 'hospital-staff',
      institutionId: group.secondaryId,
      groupId: group.groupId,
    });
    await h.accredit(operator, group.secondaryId);
  });

  afterAll(() => h.stop());

  describe('the catalogue', () => {
    it('loads the starter catalogue for a city, and edits it from the version read', async () => {
      const loaded = await h.loadStarterCatalogue(operator, regionId);
      expect(loaded).toMatchObject({ regionId, version: 1 });
      // The starter's 200-odd recognised laboratory and imaging items and the centres' other items.
      expect(loaded.itemCount).toBeGreaterThan(250);

      const { item } = await h.call(
        h.recognition,
        h.recognition.getCatalogueItem,
        { regionId, itemCode: 'lab-glu' },
        group.member,
      );
      expect(item).toMatchObject({
        code: 'LAB-GLU',
        loinc: '14771-0',
        recognition: {
          validityDays: 7,
          scope: recognitionServiceV1.RecognitionScope.RECOGNITION_SCOPE_REGION,
        },
      });

      const put = await h.call(
        h.recognition,
        h.recognition.putCatalogueItem,
        {
          clientRequestId: uuidv7(),
          regionId,
          fromVersion: 1,
          item: { ...item!, code: 'LAB-GLU2', name: '随机血糖' },
        },
        operator,
      );
      expect(put.catalogue).toMatchObject({ version: 2, itemCount: loaded.itemCount + 1 });
      const removed = await h.call(
        h.recognition,
        h.recognition.removeCatalogueItem,
        { clientRequestId: uuidv7(), regionId, fromVersion: 2, itemCode: 'LAB-GLU2' },
        operator,
      );
      expect(removed.catalogue).toMatchObject({ version: 3, itemCount: loaded.itemCount });

      const page = await h.call(
        h.recognition,
        h.recognition.getCatalogue,
        { regionId, pageSize: 100, pageToken: '' },
        group.member,
      );
      expect(page.items).toHaveLength(100);
      expect(page.nextPageToken).not.toBe('');
    });

    it('refuses a stale edit, a bad item (named), an unknown city and an editor who is not a city operator', async () => {
      const { item } = await h.call(
        h.recognition,
        h.recognition.getCatalogueItem,
        { regionId, itemCode: 'CT-CHEST' },
        operator,
      );
      const put = (
        fromVersion: number,
        changed: Partial<recognitionServiceV1.CatalogueItem>,
        who = operator,
      ) =>
        h.call(
          h.recognition,
          h.recognition.putCatalogueItem,
          { clientRequestId: uuidv7(), regionId, fromVersion, item: { ...item!, ...changed } },
          who,
        );

      expect(await fails(put(1, {}))).toMatchObject({
        code: status.ABORTED,
        reason: 'STALE_CATALOGUE_VERSION',
      });
      expect(await fails(put(3, { loinc: '14771-1', recognition: undefined, modality: '' }))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [
          expect.objectContaining({ field: 'item.loinc' }),
          expect.objectContaining({ field: 'item.modality', reason: 'REQUIRED' }),
        ],
      });
      expect(await fails(put(3, {}, clinician))).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(
        await fails(
          h.call(
            h.recognition,
            h.recognition.loadStarterCatalogue,
            { clientRequestId: uuidv7(), regionId: uuidv7(), fromVersion: 0 },
            operator,
          ),
        ),
      ).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'regionId', reason: 'UNKNOWN_REGION' })],
      });
      // A load with bad items is refused whole, each bad item named.
      const badLoad = await fails(
        h.call(
          h.recognition,
          h.recognition.loadCatalogue,
          {
            clientRequestId: uuidv7(),
            regionId,
            fromVersion: 3,
            items: [item!, { ...item!, name: '' }, { ...item!, code: 'LAB-X', kind: 'laboratory' }],
          },
          operator,
        ),
      );
      expect(badLoad.code).toBe(status.INVALID_ARGUMENT);
      expect(badLoad.fieldViolations.map((v) => `${v.field} ${v.reason}`)).toEqual(
        expect.arrayContaining([
          'items[1].name INVALID_LENGTH',
          'items[1].code DUPLICATE_CATALOGUE_ITEM',
          'items[2].specimen REQUIRED',
        ]),
      );
      const { catalogue } = await h.call(
        h.recognition,
        h.recognition.getCatalogue,
        { regionId, pageSize: 1, pageToken: '' },
        operator,
      );
      expect(catalogue!.version).toBe(3);
    });
  });

  describe('"already done?"', () => {
    it('offers a recognised result within validity with the regional mark, and nothing once expired, audited', async () => {
      const patient = aFreshResidentId();
      const recent = await h.recordResult(lis, {
        patientResidentId: patient,
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(2),
        observations: [glucose(5.2)],
      });
      await h.recordResult(lis, {
        patientResidentId: patient,
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(10),
        observations: [glucose(7.4)],
      });
      const expiredOnly = aFreshResidentId();
      await h.recordResult(lis, {
        patientResidentId: expiredOnly,
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(8),
        observations: [glucose(5.0)],
      });

      const hit = await h.lookUp(group.member, patient, 'LAB-GLU');
      const miss = await h.lookUp(group.member, expiredOnly, 'LAB-GLU');

      expect(hit).toMatchObject({
        itemRecognised: true,
        outcome: Outcome.LOOKUP_OUTCOME_PENDING,
        offered: [
          {
            resultId: recent.id,
            performingInstitutionId: group.secondaryId,
            mark: Mark.RECOGNITION_MARK_REGIONAL_RECOGNITION,
            validUntil: new Date(recent.performedAt!.getTime() + 7 * DAY),
          },
        ],
      });
      expect(miss).toMatchObject({
        itemRecognised: true,
        outcome: Outcome.LOOKUP_OUTCOME_NOTHING_OFFERED,
        offered: [],
      });
      expect(await h.readsOf('patient-results', `${patient}:LAB-GLU`)).toEqual([
        { actor_role: 'primary-staff', purpose: 'treatment' },
      ]);
    });

    it('does not offer a result of a performer that showed no quality condition', async () => {
      const patient = aFreshResidentId();
      const unaccredited = anIdentity({
        role: 'partner-system',
        institutionId: group.leadId,
        groupId: group.groupId,
      });
      await h.recordResult(unaccredited, {
        patientResidentId: patient,
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(1),
      });

      expect((await h.lookUp(group.member, patient, 'LAB-GLU')).offered).toEqual([]);
    });

    it('refuses an unknown item, a malformed patient, and a caller who orders for no institution', async () => {
      expect(await fails(h.lookUp(group.member, aFreshResidentId(), 'LAB-NOPE'))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'itemCode', reason: 'UNKNOWN_ITEM' })],
      });
      expect(await fails(h.lookUp(group.member, '110105194912310021', 'LAB-GLU'))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'patientResidentId' })],
      });
      expect(await fails(h.lookUp(operator, aFreshResidentId(), 'LAB-GLU'))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });
    });

    it('records a reuse as a repeat avoided (ResultReused) and an order anyway with its reason, once each', async () => {
      const patient = aFreshResidentId();
      const result = await h.recordResult(lis, {
        patientResidentId: patient,
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(1),
      });
      const first = await h.lookUp(group.member, patient, 'LAB-GLU');
      const second = await h.lookUp(group.member, patient, 'LAB-GLU');

      const reused = await h.reuseResult(group.member, first.id, result.id);
      const orderedAnyway = await h.orderAnyway(group.member, second.id, ' 患者症状加重，需复查 ');

      expect(reused).toMatchObject({ outcome: Outcome.LOOKUP_OUTCOME_REUSED, reusedResultId: result.id });
      expect(orderedAnyway).toMatchObject({
        outcome: Outcome.LOOKUP_OUTCOME_ORDERED_ANYWAY,
        reason: '患者症状加重，需复查',
      });
      expect(await outboxEventCount(h.sql, first.id, ResultReusedEvent)).toBe(1);
      expect(await outboxEventCount(h.sql, first.id, OrderedAnywayEvent)).toBe(0);
      expect(await outboxEventCount(h.sql, second.id, OrderedAnywayEvent)).toBe(1);
      expect(await outboxEventCount(h.sql, second.id, ResultReusedEvent)).toBe(0);
      expect(await fails(h.orderAnyway(group.member, first.id, '再次'))).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'LOOKUP_ALREADY_DECIDED',
      });
      expect(await fails(h.reuseResult(group.lead, second.id, result.id))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });
    });

    it('refuses a result no longer valid, or not offered, for reuse, and an order anyway without a reason', async () => {
      const patient = aFreshResidentId();
      const result = await h.recordResult(lis, {
        patientResidentId: patient,
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(3),
      });
      const lookup = await h.lookUp(group.member, patient, 'LAB-GLU');
      // A week goes by before the site decides: the offer's validity ends in the past.
      await h.sql.query(
        `UPDATE recognition_lookup SET offered = jsonb_set(offered, '{0,validUntil}', to_jsonb($2::text)) WHERE id = $1`,
        [lookup.id, daysAgo(1).toISOString()],
      );

      expect(await fails(h.reuseResult(group.member, lookup.id, result.id))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'resultId', reason: 'RESULT_NO_LONGER_VALID' })],
      });
      expect(await fails(h.reuseResult(group.member, lookup.id, uuidv7()))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'resultId', reason: 'RESULT_NOT_OFFERED' })],
      });
      expect(await fails(h.orderAnyway(group.member, lookup.id, '  '))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'reason', reason: 'REQUIRED' })],
      });
      expect(await fails(h.reuseResult(group.member, 'not-a-uuid', result.id))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'lookupId', reason: 'INVALID_FORMAT' })],
      });
    });

    it("counts the group's recognition rate after look-up and the repeats avoided", async () => {
      const { total } = await h.call(
        h.recognition,
        h.recognition.getRecognitionStatistics,
        { since: daysAgo(1), groupId: '' },
        group.admin,
      );
      expect(total).toMatchObject({ reused: 1, orderedAnyway: 1, recognitionRateBp: 5000 });
      expect(
        await fails(
          h.call(
            h.recognition,
            h.recognition.getRecognitionStatistics,
            { since: daysAgo(1), groupId: other.groupId },
            group.admin,
          ),
        ),
      ).toMatchObject({ code: status.PERMISSION_DENIED });
    });
  });

  describe('the result registry', () => {
    it('answers a retried RecordResult with the result it recorded, and refuses an imaging result without its study', async () => {
      const request = {
        clientRequestId: uuidv7(),
        patientResidentId: aFreshResidentId(),
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(1),
      };
      const first = await h.recordResult(lis, request);
      expect((await h.recordResult(lis, request)).id).toBe(first.id);
      expect(
        await fails(h.recordResult(lis, { ...request, clientRequestId: uuidv7(), itemCode: 'CT-CHEST' })),
      ).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'study' })],
      });
      expect(
        await fails(
          h.recordResult(lis, {
            ...request,
            clientRequestId: uuidv7(),
            itemCode: 'CT-CHEST',
            study: { studyInstanceUid: '1.2.03', accessionNumber: 'A1', modalities: ['CT'] },
          }),
        ),
      ).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'study.studyInstanceUid' })],
      });
    });

    it('masks an HIV serology for a role or purpose that may not see it, and audits every read with its purpose', async () => {
      const patient = aFreshResidentId();
      const hiv = await h.recordResult(lis, {
        patientResidentId: patient,
        itemCode: 'LAB-HIV',
        performedAt: daysAgo(1),
        observations: [
          {
            itemCode: 'LAB-HIV',
            nationalCode: '',
            loinc: '56888-1',
            name: 'HIV抗原抗体',
            coded: { system: 'local', code: 'NEG', display: '阴性' },
            referenceRange: undefined,
            flag: 'N',
          },
        ],
        conclusion: '阴性',
      });

      const forAdmin = await h.getResult(group.admin, hiv.id, 'treatment');
      const forStatistics = await h.getResult(clinician, hiv.id, 'statistics');
      const forTreatment = await h.getResult(clinician, hiv.id, 'treatment');
      const fhirForAdmin = await h.getResultFhir(group.admin, hiv.id, 'treatment');

      for (const masked of [forAdmin, forStatistics]) {
        expect(masked).toMatchObject({ masked: true, dataClass: 'infectious-disease', conclusion: '' });
        expect(
          masked.observations.map((o) => [o.masked, o.observation?.itemCode, o.observation?.quantity]),
        ).toEqual([[true, 'LAB-HIV', undefined]]);
        expect(JSON.stringify(masked)).not.toContain('阴性');
      }
      expect(JSON.stringify(fhirForAdmin)).not.toContain('阴性');
      expect(forTreatment).toMatchObject({
        masked: false,
        conclusion: '阴性',
        observations: [{ masked: false, observation: { coded: { code: 'NEG', display: '阴性' } } }],
      });
      expect(await h.readsOf('result', hiv.id)).toEqual([
        { actor_role: 'group-admin', purpose: 'treatment' },
        { actor_role: 'hospital-staff', purpose: 'statistics' },
        { actor_role: 'hospital-staff', purpose: 'treatment' },
        { actor_role: 'group-admin', purpose: 'treatment' },
      ]);
    });

    it("lists a patient's results across the group newest first, paged, by item, each read audited", async () => {
      const patient = aFreshResidentId();
      const older = await h.recordResult(lis, {
        patientResidentId: patient,
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(3),
      });
      const newer = await h.recordResult(lis, {
        patientResidentId: patient,
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(1),
      });
      const k = await h.recordResult(lis, {
        patientResidentId: patient,
        itemCode: 'LAB-K',
        performedAt: daysAgo(2),
      });

      const first = await h.listPatientResults(group.member, { patientResidentId: patient, pageSize: 2 });
      const rest = await h.listPatientResults(group.member, {
        patientResidentId: patient,
        pageSize: 2,
        pageToken: first.nextPageToken,
      });
      const glucoseOnly = await h.listPatientResults(group.member, {
        patientResidentId: patient,
        itemCode: 'LAB-GLU',
      });

      expect(first.results.map((r) => r.id)).toEqual([newer.id, k.id]);
      expect(rest).toEqual({ results: [expect.objectContaining({ id: older.id })], nextPageToken: '' });
      expect(glucoseOnly.results.map((r) => r.id)).toEqual([newer.id, older.id]);
      expect(await h.readsOf('result', older.id)).toEqual([
        { actor_role: 'primary-staff', purpose: 'treatment' },
        { actor_role: 'primary-staff', purpose: 'treatment' },
      ]);
    });

    it('serves a result as a FHIR R4 bundle: the DiagnosticReport, its Observations by reference', async () => {
      const result = await h.recordResult(lis, {
        patientResidentId: aFreshResidentId(),
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(1),
        observations: [glucose(5.4)],
        conclusion: '正常',
      });

      const bundle = (await h.getResultFhir(clinician, result.id, 'treatment')) as {
        resourceType: string;
        type: string;
        entry: { fullUrl: string; resource: Record<string, unknown> }[];
      };

      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      const [report, observation] = bundle.entry;
      expect(report!.resource).toMatchObject({
        resourceType: 'DiagnosticReport',
        id: result.id,
        status: 'final',
        conclusion: '正常',
        result: [{ reference: observation!.fullUrl }],
      });
      expect(observation!.resource).toMatchObject({
        resourceType: 'Observation',
        valueQuantity: { value: 5.4, unit: 'mmol/L' },
      });
    });

    it("refuses another group's caller unless its site was offered the result, and a result for another group's patient", async () => {
      const result = await h.recordResult(lis, {
        patientResidentId: aFreshResidentId(),
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(1),
      });
      expect(await fails(h.getResult(other.lead, result.id, 'treatment'))).toMatchObject({
        code: status.PERMISSION_DENIED,
        reason: 'RESULT_ACCESS_DENIED',
      });
      expect(
        (await h.listPatientResults(other.lead, { patientResidentId: result.patientResidentId })).results,
      ).toEqual([]);
      expect(await h.readsOf('result', result.id)).toEqual([]);

      // Until the other group's site is offered it by a look-up: then it reads the result it may reuse.
      const lookup = await h.lookUp(other.member, result.patientResidentId, 'LAB-GLU');
      expect(lookup.offered.map((o) => o.resultId)).toEqual([result.id]);
      expect((await h.getResult(other.member, result.id, 'treatment')).id).toBe(result.id);
      expect(await fails(h.getResult(other.lead, result.id, 'treatment'))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });

      const theirs = await h.contractedPatient(other.memberId, other.gridId);
      expect(
        await fails(
          h.recordResult(lis, { patientResidentId: theirs, itemCode: 'LAB-GLU', performedAt: daysAgo(1) }),
        ),
      ).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [
          expect.objectContaining({ field: 'patientResidentId', reason: 'PATIENT_OF_ANOTHER_GROUP' }),
        ],
      });
    });

    it('lets the institution an open referral sends the patient to read the results that travel with them', async () => {
      const result = await h.recordResult(lis, {
        patientResidentId: aFreshResidentId(),
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(1),
      });
      // The other group's hospital receives the patient, referred from this group's clinic.
      const receiving = anIdentity({
        role: 'hospital-staff',
        institutionId: other.leadId,
        groupId: other.groupId,
      });
      const referral = referralV1.Referral.fromPartial({
        id: uuidv7(),
        groupId: group.groupId,
        patientResidentId: result.patientResidentId,
        referringInstitutionId: group.memberId,
        receivingInstitutionId: other.leadId,
        status: referralV1.ReferralStatus.REFERRAL_STATUS_ARRIVED,
        version: 4,
      });
      expect(await fails(h.getResult(receiving, result.id, 'referral'))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });

      await h.publishReferral(referral);
      const read = await h.getResult(receiving, result.id, 'referral');
      const listed = await h.listPatientResults(
        receiving,
        { patientResidentId: result.patientResidentId },
        'referral',
      );
      await h.publishReferral({
        ...referral,
        status: referralV1.ReferralStatus.REFERRAL_STATUS_COMPLETED,
        version: 5,
      });

      expect(read.id).toBe(result.id);
      expect(listed.results.map((r) => r.id)).toEqual([result.id]);
      expect(await h.readsOf('result', result.id)).toEqual([
        { actor_role: 'hospital-staff', purpose: 'referral' },
        { actor_role: 'hospital-staff', purpose: 'referral' },
      ]);
      expect(await fails(h.getResult(receiving, result.id, 'referral'))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });
    });

    it('withdraws a result entered in error: kept, marked, never offered again', async () => {
      const patient = aFreshResidentId();
      const result = await h.recordResult(lis, {
        patientResidentId: patient,
        itemCode: 'LAB-GLU',
        performedAt: daysAgo(1),
      });

      const { result: withdrawn } = await h.call(
        h.results,
        h.results.markResultEnteredInError,
        { clientRequestId: uuidv7(), resultId: result.id, reason: '标本错误' },
        lis,
      );

      expect(withdrawn).toMatchObject({
        status: resultServiceV1.ResultStatus.RESULT_STATUS_ENTERED_IN_ERROR,
        enteredInErrorReason: '标本错误',
      });
      expect((await h.lookUp(group.member, patient, 'LAB-GLU')).offered).toEqual([]);
    });
  });

  describe('order → report → result → recognised elsewhere', () => {
    it('records a signed report as a result in its transaction, which another site of the region then reuses', async () => {
      // The member clinic performs (accredited); the lead hospital's laboratory centre reports.
      await h.accredit(operator, group.memberId);
      const centre = await h.newSharedCentre(
        group.admin,
        centreServiceV1.CentreKind.CENTRE_KIND_LABORATORY,
        group.leadId,
        [group.memberId],
      );
      const reporter = {
        ...group.lead,
        practitionerId: await h.newPractitioner(group.leadId, '30', '检验医师'),
      };
      const clinic = { ...group.member, practitionerId: uuidv7() };
      const patient = aFreshResidentId();
      const order = await h.placeOrder(clinic, {
        patientResidentId: patient,
        itemCode: 'LAB-GLU',
        clinicalInfo: '口渴多饮，查空腹血糖',
        urgency: orderServiceV1.OrderUrgency.ORDER_URGENCY_ROUTINE,
      });
      await h.recordExamData(clinic, {
        orderId: order.id,
        specimen: { barcode: `GLU-${uuidv7()}`.slice(0, 20), specimen: 'serum', collectedAt: new Date() },
      });
      const report = await h.getReport(reporter, order.id);
      expect(report.centreId).toBe(centre.id);
      await h.claimReport(reporter, report.id);
      await h.saveDraft(reporter, report.id, {
        findings: '',
        conclusion: '空腹血糖升高',
        observations: [glucose(7.2)],
        critical: false,
        criticalNote: '',
        dataClass: 'general',
      });
      await h.signReport(reporter, report.id);

      // The registry holds the signed report as a result performed by the clinic.
      const listed = await h.listPatientResults(group.lead, { patientResidentId: patient });
      expect(listed.results).toHaveLength(1);
      const result = listed.results[0]!;
      expect(result).toMatchObject({
        orderId: order.id,
        reportId: report.id,
        reportVersion: 1,
        itemCode: 'LAB-GLU',
        performer: { institutionId: group.memberId, accredited: true },
        status: resultServiceV1.ResultStatus.RESULT_STATUS_FINAL,
      });
      expect(await outboxEventCount(h.sql, result.id, ResultChangedEvent)).toBe(1);

      // The lead hospital, about to order the same test, finds it already done and reuses it.
      const lookup = await h.lookUp(group.lead, patient, 'LAB-GLU');
      expect(lookup.offered).toEqual([
        expect.objectContaining({
          resultId: result.id,
          performingInstitutionId: group.memberId,
          mark: Mark.RECOGNITION_MARK_REGIONAL_RECOGNITION,
        }),
      ]);
      const reused = await h.reuseResult(group.lead, lookup.id, result.id);
      expect(reused).toMatchObject({ outcome: Outcome.LOOKUP_OUTCOME_REUSED, reusedResultId: result.id });
    });
  });
});
