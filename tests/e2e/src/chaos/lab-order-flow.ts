import { labReportServiceV1, orderServiceV1, recognitionServiceV1 } from '@medgrid/contracts';
import { aFreshResidentId } from '../scheduling-fixtures';
import { type Flow, type FlowContext } from './flows';

const { LookupOutcome } = recognitionServiceV1;

/** A fasting glucose of 7.2 mmol/L against 3.9-6.1: high, not critical. */
const GLUCOSE_REPORT = labReportServiceV1.ReportContent.fromPartial({
  conclusion: '空腹血糖升高',
  observations: [
    {
      itemCode: 'LAB-GLU',
      loinc: '14771-0',
      name: '空腹血糖',
      quantity: { value: 7.2, unit: 'mmol/L' },
      referenceRange: { low: 3.9, high: 6.1 },
      flag: 'H',
    },
  ],
  dataClass: 'general',
});

/**
 * Examined at the primary site, reported by the group's laboratory centre, recognised elsewhere (lab-sharing): the
 * community centre orders a fasting glucose and records its specimen, the hospital's laboratory physician takes the
 * report from the centre's worklist, drafts and signs it (the result registry records it as a result in the same
 * transaction), and the hospital, about to order the same test, looks it up ("already done?") and reuses it. Each
 * request is built once and resent as it is, so a retry is the same request.
 */
export async function labOrder(flow: Flow, ctx: FlowContext): Promise<void> {
  const { group, fixture } = ctx.city;
  const c = ctx.city.side.clients;
  const r = flow.requestIds;
  const clinic = { ...group.centre, practitionerId: r.clinician! };
  flow.patient = aFreshResidentId();
  const placing = orderServiceV1.PlaceOrderRequest.fromPartial({
    clientRequestId: r.order!,
    patientResidentId: flow.patient,
    itemCode: 'LAB-GLU',
    clinicalInfo: '口渴多饮，查空腹血糖',
    urgency: orderServiceV1.OrderUrgency.ORDER_URGENCY_ROUTINE,
  });
  const { order } = await ctx.call(c.orders, c.orders.placeOrder, placing, clinic);
  flow.orderId = order!.id;
  const specimen = orderServiceV1.RecordExamDataRequest.fromPartial({
    clientRequestId: r.exam!,
    orderId: flow.orderId,
    specimen: { barcode: `GLU-${r.exam!.slice(0, 13)}`, specimen: 'serum', collectedAt: new Date() },
  });
  await ctx.call(c.orders, c.orders.recordExamData, specimen, clinic);

  const reporter = fixture.reporter;
  const { report } = await ctx.call(
    c.reports,
    c.reports.getReport,
    { reportId: '', orderId: flow.orderId },
    reporter,
  );
  flow.reportId = report!.id;
  const reportId = flow.reportId;
  await ctx.call(
    c.reports,
    c.reports.claimReport,
    { clientRequestId: r['take-report']!, reportId },
    reporter,
  );
  const draft = { clientRequestId: r.draft!, reportId, content: GLUCOSE_REPORT };
  await ctx.call(c.reports, c.reports.saveDraft, draft, reporter);
  await ctx.call(c.reports, c.reports.signReport, { clientRequestId: r.sign!, reportId }, reporter);

  const lookingUp = { clientRequestId: r['look-up']!, patientResidentId: flow.patient, itemCode: 'LAB-GLU' };
  const { lookup } = await ctx.call(c.recognition, c.recognition.lookUpResults, lookingUp, group.manager, {
    metadata: { 'x-purpose': 'treatment' },
  });
  flow.lookupId = lookup!.id;
  const [offered, ...more] = lookup!.offered;
  if (!offered || more.length > 0)
    throw new Error(
      `the look-up offered ${lookup!.offered.length} results for the patient's one signed glucose`,
    );
  flow.resultId = offered.resultId;
  const reuse = { clientRequestId: r.reuse!, lookupId: flow.lookupId, resultId: flow.resultId };
  const { lookup: decided } = await ctx.call(c.recognition, c.recognition.reuseResult, reuse, group.manager);
  flow.outcome = LookupOutcome[decided!.outcome].replace('LOOKUP_OUTCOME_', '');
}
