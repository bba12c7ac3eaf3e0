import { status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  centreServiceV1,
  CriticalValueAcknowledgedEvent,
  CriticalValueEscalatedEvent,
  CriticalValueRaisedEvent,
  labReportServiceV1,
  OrderPerformedEvent,
  OrderPlacedEvent,
  OrderReportedEvent,
  orderServiceV1,
  ReportSignedEvent,
} from '@medgrid/contracts';
import { anIdentity, aResidentId, waitFor } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { fails } from './grpc-call';
import { LabSharingHarness } from './lab-sharing-harness';
import { outboxEventCount, outboxEvents } from './outbox';

const { OrderUrgency: U, OrderStatus: S } = orderServiceV1;
const { ReportStatus: RS, CriticalValueStatus: CV } = labReportServiceV1;

/** Seconds the ordering site has to acknowledge a critical value in this suite (15 minutes in production). */
const ACK_SECONDS = 3;

/** A potassium of 6.8 mmol/L against 3.5-5.5: critically high (HH), so the signed report is a critical value. */
const CRITICAL_POTASSIUM: Partial<labReportServiceV1.ReportContent> = {
  findings: '',
  conclusion: '高钾血症',
  observations: [
    {
      itemCode: 'LAB-K',
      nationalCode: '',
      loinc: '2823-3',
      name: '钾',
      quantity: { value: 6.8, unit: 'mmol/L' },
      referenceRange: { low: 3.5, high: 5.5 },
      flag: 'HH',
    },
  ],
  critical: false,
  criticalNote: '血钾 6.8 mmol/L，请立即处理',
  dataClass: 'general',
};

/** The sum of a metric's samples whose labels include `labels`, from a Prometheus text exposition. */
function metricValue(text: string, name: string, labels: Record<string, string>): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`))
    .filter((line) => Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/**
 * Examined at the primary site, reported by the group's laboratory centre (基层检查、上级诊断): the registry and
 * lab-sharing as processes over real Kafka and PostgreSQL. An order is placed and performed, reported from the
 * worklist by a reporter of the centre, and its signed report leaves through the outbox; its critical value is
 * acknowledged by the ordering site or escalates; bad input is refused precisely and changes nothing.
 */
describe('lab-sharing remote reporting', () => {
  const h = new LabSharingHarness();
  let group: Awaited<ReturnType<LabSharingHarness['completeGroup']>>;
  let labCentre: centreServiceV1.SharedCentre;
  let reporter: Identity;
  let clinician: Identity;

  beforeAll(async () => {
    await h.start('lab_sharing_reporting', {
      CRITICAL_VALUE_ACK_SECONDS: String(ACK_SECONDS),
      SWEEP_INTERVAL_MS: '200',
    });
    group = await h.completeGroup();
    const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
    await h.loadStarterCatalogue(operator, h.registry.cityId);
    labCentre = await h.newSharedCentre(
      group.admin,
      centreServiceV1.CentreKind.CENTRE_KIND_LABORATORY,
      group.leadId,
      [group.memberId],
    );
    reporter = { ...group.lead, practitionerId: await h.newPractitioner(group.leadId, '30', '检验医师') };
    clinician = { ...group.member, practitionerId: uuidv7() };
    await h.knowsCityOf(group.gridId);
  }, 180_000);

  afterAll(() => h.stop());

  /** An emergency potassium ordered by the member clinic and its specimen sent: on the centre's worklist. */
  async function performedPotassium(): Promise<orderServiceV1.Order> {
    const order = await h.placeOrder(clinician, {
      patientResidentId: aResidentId(),
      itemCode: 'LAB-K',
      clinicalInfo: '乏力、心悸，查电解质',
      urgency: U.ORDER_URGENCY_EMERGENCY,
    });
    return h.recordExamData(clinician, {
      orderId: order.id,
      specimen: { barcode: `K-${Date.now()}`, specimen: 'serum', collectedAt: new Date() },
    });
  }

  /** The order reported from the worklist, signed with a critical potassium. */
  async function signedCritical(): Promise<{
    order: orderServiceV1.Order;
    signed: labReportServiceV1.SignReportResponse;
  }> {
    const order = await performedPotassium();
    const report = await h.getReport(reporter, order.id);
    await h.claimReport(reporter, report.id);
    await h.saveDraft(reporter, report.id, CRITICAL_POTASSIUM);
    return { order, signed: await h.signReport(reporter, report.id) };
  }

  it('takes an order from place to signed report, the report on the worklist in between and ReportSigned relayed to Kafka', async () => {
    const placed = await h.placeOrder(clinician, {
      patientResidentId: aResidentId(),
      itemCode: 'lab-k',
      clinicalInfo: '复查电解质',
      urgency: U.ORDER_URGENCY_URGENT,
    });
    expect(placed).toMatchObject({
      status: S.ORDER_STATUS_PLACED,
      centreId: labCentre.id,
      orderingInstitutionId: group.memberId,
      orderingPractitionerId: clinician.practitionerId,
      item: { code: 'LAB-K', specimen: 'serum' },
    });

    const performed = await h.recordExamData(clinician, {
      orderId: placed.id,
      specimen: { barcode: 'S-20261204-01', specimen: 'serum', collectedAt: new Date() },
    });
    const listed = (await h.worklist(reporter, labCentre.id)).find((e) => e.report!.orderId === placed.id);

    expect(performed.status).toBe(S.ORDER_STATUS_PERFORMED);
    expect(listed).toMatchObject({
      overdue: false,
      taken: false,
      report: { status: RS.REPORT_STATUS_WAITING },
    });
    const reportId = listed!.report!.id;

    const claimed = await h.claimReport(reporter, reportId);
    await h.saveDraft(reporter, reportId, {
      ...CRITICAL_POTASSIUM,
      conclusion: '血钾正常',
      observations: [
        { ...CRITICAL_POTASSIUM.observations![0]!, quantity: { value: 4.2, unit: 'mmol/L' }, flag: 'N' },
      ],
      criticalNote: '',
    });
    const { report: signed, criticalValue } = await h.signReport(reporter, reportId);

    expect(claimed.claim?.practitionerId).toBe(reporter.practitionerId);
    expect(signed).toMatchObject({
      status: RS.REPORT_STATUS_SIGNED,
      versions: [{ number: 1, signedBy: reporter.practitionerId, content: { conclusion: '血钾正常' } }],
    });
    expect(criticalValue).toBeUndefined();
    expect(await h.getOrder(clinician, placed.id)).toMatchObject({
      status: S.ORDER_STATUS_REPORTED,
      reportId,
    });
    expect(await h.getReport(clinician, placed.id)).toMatchObject({
      id: reportId,
      versions: [{ number: 1 }],
    });
    expect((await h.worklist(reporter, labCentre.id)).map((e) => e.report!.id)).not.toContain(reportId);
    const [event] = await outboxEvents(h.sql, reportId, ReportSignedEvent);
    expect(event!.report).toMatchObject({ id: reportId, orderId: placed.id, draft: undefined });
    for (const placedEvent of [OrderPlacedEvent, OrderPerformedEvent, OrderReportedEvent]) {
      expect(await outboxEventCount(h.sql, placed.id, placedEvent)).toBe(1);
    }
    const metrics = await h.process.metrics();
    expect(
      metricValue(metrics, 'medgrid_lab_sharing_reports_signed_total', { centre: labCentre.id }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      metricValue(metrics, 'medgrid_lab_sharing_report_turnaround_minutes_count', {
        centre: labCentre.id,
        within_target: 'true',
      }),
    ).toBeGreaterThanOrEqual(1);
    await waitFor(
      'the relay to publish ReportSigned to Kafka',
      async () => {
        const { rows } = await h.sql.query<{ published_at: Date | null }>(
          `SELECT published_at FROM outbox WHERE message_key = $1 AND event_type = $2`,
          [reportId, ReportSignedEvent.type],
        );
        if (!rows[0]?.published_at) throw new Error('not yet');
        return true;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect((await h.readsOf('lab-report', reportId)).length).toBeGreaterThanOrEqual(2);
  });

  it('raises a critical value to the ordering site, refuses its acknowledgement by another institution and records the clinician who acknowledges', async () => {
    const { signed } = await signedCritical();
    const alert = signed.criticalValue!;
    const outsider: Identity = {
      ...anIdentity({ role: 'hospital-staff', institutionId: group.secondaryId, groupId: group.groupId }),
      practitionerId: uuidv7(),
    };
    expect(alert).toMatchObject({
      status: CV.CRITICAL_VALUE_STATUS_RAISED,
      orderingInstitutionId: group.memberId,
    });
    expect(await outboxEventCount(h.sql, alert.id, CriticalValueRaisedEvent)).toBe(1);

    const refused = await fails(h.acknowledgeCriticalValue(outsider, alert.id));
    const acknowledged = await h.acknowledgeCriticalValue(clinician, alert.id);

    expect(refused).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'NOT_THE_ORDERING_INSTITUTION' });
    expect(acknowledged).toMatchObject({
      status: CV.CRITICAL_VALUE_STATUS_ACKNOWLEDGED,
      acknowledgedBy: clinician.practitionerId,
    });
    expect(acknowledged.acknowledgedAt).toBeInstanceOf(Date);
    expect(await outboxEventCount(h.sql, alert.id, CriticalValueAcknowledgedEvent)).toBe(1);
  });

  it('escalates a critical value not acknowledged within the configured time, once', async () => {
    const { signed } = await signedCritical();
    const alertId = signed.criticalValue!.id;

    await waitFor(
      'the escalation sweep',
      async () => {
        if ((await outboxEventCount(h.sql, alertId, CriticalValueEscalatedEvent)) !== 1)
          throw new Error('not yet');
        return true;
      },
      { timeoutMs: ACK_SECONDS * 1000 + 15_000, intervalMs: 200 },
    );
    const [escalated] = await outboxEvents(h.sql, alertId, CriticalValueEscalatedEvent);
    const late = await h.acknowledgeCriticalValue(clinician, alertId);

    expect(escalated!.criticalValue).toMatchObject({ status: CV.CRITICAL_VALUE_STATUS_ESCALATED });
    expect(late).toMatchObject({ status: CV.CRITICAL_VALUE_STATUS_ACKNOWLEDGED });
    expect(await outboxEventCount(h.sql, alertId, CriticalValueEscalatedEvent)).toBe(1);
    expect(
      metricValue(await h.process.metrics(), 'medgrid_lab_sharing_critical_value_escalations_total', {
        centre: labCentre.id,
        ordering_institution: group.memberId,
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('releases a claim for another reporter, amends a signed report keeping the first version, cancels an order off the worklist and lists what a site and a centre have', async () => {
    const second: Identity = {
      ...group.lead,
      practitionerId: await h.newPractitioner(group.leadId, '30.01', '检验医师乙'),
    };
    const order = await performedPotassium();
    const report = await h.getReport(reporter, order.id);
    await h.claimReport(reporter, report.id);
    await h.saveDraft(reporter, report.id, CRITICAL_POTASSIUM);

    const { report: released } = await h.call(
      h.reports,
      h.reports.releaseReport,
      { clientRequestId: uuidv7(), reportId: report.id },
      reporter,
    );
    await h.claimReport(second, report.id);
    const { criticalValue } = await h.signReport(second, report.id);
    const { report: amended } = await h.call(
      h.reports,
      h.reports.amendReport,
      {
        clientRequestId: uuidv7(),
        reportId: report.id,
        content: labReportServiceV1.ReportContent.fromPartial({
          ...CRITICAL_POTASSIUM,
          conclusion: '高钾血症（复核溶血后确认）',
        }),
        reason: '补充溶血复核',
      },
      reporter,
    );

    expect(released).toMatchObject({ status: RS.REPORT_STATUS_WAITING, claim: undefined });
    expect(amended!.versions.map((v) => [v.number, v.signedBy, v.amendmentReason])).toEqual([
      [1, second.practitionerId, ''],
      [2, reporter.practitionerId, '补充溶血复核'],
    ]);
    expect(amended!.versions[0]!.content!.conclusion).toBe('高钾血症');

    const withdrawn = await performedPotassium();
    const { order: cancelled } = await h.call(
      h.orders,
      h.orders.cancelOrder,
      { clientRequestId: uuidv7(), orderId: withdrawn.id, reason: '患者已转上级医院' },
      clinician,
    );
    expect(cancelled).toMatchObject({ status: S.ORDER_STATUS_CANCELLED, cancelReason: '患者已转上级医院' });
    expect((await h.worklist(reporter, labCentre.id)).map((e) => e.report!.orderId)).not.toContain(
      withdrawn.id,
    );

    const { orders: ofTheSite } = await h.call(
      h.orders,
      h.orders.listOrders,
      {
        orderingInstitutionId: group.memberId,
        centreId: '',
        status: S.ORDER_STATUS_CANCELLED,
        pageSize: 0,
        pageToken: '',
      },
      clinician,
    );
    const { orders: ofTheCentre } = await h.call(
      h.orders,
      h.orders.listOrders,
      {
        orderingInstitutionId: '',
        centreId: labCentre.id,
        status: S.ORDER_STATUS_UNSPECIFIED,
        pageSize: 0,
        pageToken: '',
      },
      reporter,
    );
    const { criticalValues } = await h.call(
      h.reports,
      h.reports.listCriticalValues,
      {
        orderingInstitutionId: group.memberId,
        status: CV.CRITICAL_VALUE_STATUS_UNSPECIFIED,
        pageSize: 0,
        pageToken: '',
      },
      clinician,
    );

    expect(ofTheSite.map((o) => o.id)).toContain(withdrawn.id);
    expect(ofTheSite.every((o) => o.status === S.ORDER_STATUS_CANCELLED)).toBe(true);
    expect(ofTheCentre.map((o) => o.id)).toEqual(expect.arrayContaining([order.id, withdrawn.id]));
    expect(
      criticalValues.map((a) => a.reportVersion).filter((_, i) => criticalValues[i]!.reportId === report.id),
    ).toEqual([2, 1]);
    expect(criticalValues.find((a) => a.id === criticalValue!.id)).toBeDefined();
  });

  describe('refuses bad input precisely and changes nothing', () => {
    const orderRows = async () =>
      Number((await h.sql.query<{ n: string }>('SELECT count(*) AS n FROM lab_order')).rows[0]!.n);

    it('an item the region catalogue does not have', async () => {
      const before = await orderRows();

      const refused = await fails(
        h.placeOrder(clinician, {
          patientResidentId: aResidentId(),
          itemCode: 'LAB-NOPE',
          clinicalInfo: '查',
          urgency: U.ORDER_URGENCY_ROUTINE,
        }),
      );

      expect(refused).toMatchObject({
        code: status.INVALID_ARGUMENT,
        reason: 'UNKNOWN_ITEM',
        fieldViolations: [expect.objectContaining({ field: 'itemCode' })],
      });
      expect(await orderRows()).toBe(before);
    });

    it('a malformed StudyInstanceUID, leaving the order placed', async () => {
      await h.newSharedCentre(group.admin, centreServiceV1.CentreKind.CENTRE_KIND_IMAGING, group.leadId, [
        group.memberId,
      ]);
      const order = await h.placeOrder(clinician, {
        patientResidentId: aResidentId(),
        itemCode: 'CT-CHEST',
        clinicalInfo: '咳嗽两周',
        urgency: U.ORDER_URGENCY_ROUTINE,
      });

      const refused = await fails(
        h.recordExamData(clinician, {
          orderId: order.id,
          study: {
            studyInstanceUid: '1.02.840.abc',
            accessionNumber: 'A-1',
            modalities: ['CT'],
            performedAt: new Date(),
          },
        }),
      );

      expect(refused).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'study.studyInstanceUid' })],
      });
      expect(await h.getOrder(clinician, order.id)).toMatchObject({
        status: S.ORDER_STATUS_PLACED,
        version: order.version,
      });
    });

    it('a report claimed or signed by a practitioner outside the centre or without the specialty', async () => {
      const order = await performedPotassium();
      const report = await h.getReport(reporter, order.id);
      const elsewhere: Identity = {
        ...anIdentity({ role: 'hospital-staff', institutionId: group.secondaryId, groupId: group.groupId }),
        practitionerId: await h.newPractitioner(group.secondaryId, '30', '外院检验医师'),
      };
      const cardiologist: Identity = {
        ...group.lead,
        practitionerId: await h.newPractitioner(group.leadId, '03.04', '心内科医师'),
      };
      await h.claimReport(reporter, report.id);
      await h.saveDraft(reporter, report.id, { ...CRITICAL_POTASSIUM });

      const outside = await fails(h.signReport(elsewhere, report.id));
      const unfit = await fails(h.claimReport(cardiologist, report.id));

      expect(outside).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'FORBIDDEN' });
      expect(unfit).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'SPECIALTY_DOES_NOT_FIT' });
      expect(await h.getReport(reporter, order.id)).toMatchObject({
        status: RS.REPORT_STATUS_IN_PROGRESS,
        versions: [],
        claim: { practitionerId: reporter.practitionerId },
      });
    });

    it("another group's caller, whose institution the centre does not serve", async () => {
      const other = await h.completeGroup();
      const stranger: Identity = { ...other.member, practitionerId: uuidv7() };
      const before = await orderRows();

      const refused = await fails(
        h.placeOrder(stranger, {
          patientResidentId: aResidentId(),
          itemCode: 'LAB-K',
          clinicalInfo: '查',
          urgency: U.ORDER_URGENCY_ROUTINE,
          centreId: labCentre.id,
        }),
      );

      expect(refused).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'NOT_SERVED' });
      expect(await orderRows()).toBe(before);
    });
  });
});
