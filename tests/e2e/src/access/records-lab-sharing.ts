import { waitFor } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type Identity } from '@medgrid/auth';
import { type CityGroup } from './access-city';
import { type RecordMaker } from './access-records';
import { GLUCOSE, timestamp as instant } from './access-requests';

const LABORATORY = 1;
const ECG = 3;
const STERILISATION_SUPPLY = 6;
const ROUTINE = 1;

/**
 * lab-sharing's records, in each group: its laboratory centre and sterilisation-supply centre (registered by the
 * group's administrator, hosted by the lead hospital, serving the community centre: the group's records, named for
 * each of its institutions), a spare centre for the steps that change a centre (closing it, its served
 * institutions), and for the lead hospital and the community centre each: an order with its specimen (so its report
 * is open at the centre), an order left for the order steps, a result recorded by its system (and one left for
 * withdrawing), a look-up of its patient's glucose, and an instrument batch sent to the supply centre.
 */
export async function makeLabSharingRecords(maker: RecordMaker): Promise<void> {
  const { ours, theirs, cityId } = maker.city;
  await maker.call('lab_sharing.v1.RecognitionService/LoadStarterCatalogue', maker.operator, {
    regionId: cityId,
    fromVersion: 0n,
  });
  // Each lead hospital's laboratory physician (the registry's record) works its centre's reports; the walk's
  // hospital staff are ours.
  const labSharing = maker.city.targets.get('lab-sharing')!;
  const reporters = [ours, theirs].map((group) => maker.records.get('practitioner', group.leadId));
  await waitFor(
    'lab-sharing to learn the laboratory physicians',
    async () => {
      const { rowCount } = await labSharing.sql.query(`SELECT 1 FROM known_practitioner WHERE id = ANY($1)`, [
        reporters,
      ]);
      return rowCount === 2 ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  await Promise.all([ours, theirs].map((group) => groupRecords(maker, group)));
}

async function groupRecords(maker: RecordMaker, group: CityGroup): Promise<void> {
  const admin = maker.as('group-admin', group, group.leadId);
  const institutions = [group.leadId, group.secondaryId, group.centreId];
  const centre = async (kind: number, name: string) => {
    return maker.make(
      'lab_sharing.v1.CentreService/RegisterCentre',
      admin,
      {
        groupId: group.groupId,
        kind,
        name,
        hostInstitutionId: group.leadId,
        servedInstitutionIds: [group.centreId],
      },
      'centre.id',
    );
  };
  const [lab, supply, spare] = await Promise.all([
    centre(LABORATORY, '集团检验中心'),
    centre(STERILISATION_SUPPLY, '集团消毒供应中心'),
    centre(ECG, '集团心电诊断中心'),
  ]);
  maker.records.set('lab-centre', institutions, lab);
  maker.records.set('supply-centre', institutions, supply);
  maker.records.set('spare-centre', institutions, spare);
  await Promise.all(
    [
      { institutionId: group.leadId, role: 'hospital-staff' as const },
      { institutionId: group.centreId, role: 'primary-staff' as const },
    ].map(({ institutionId, role }) => siteRecords(maker, group, institutionId, role, lab, supply)),
  );
}

async function siteRecords(
  maker: RecordMaker,
  group: CityGroup,
  site: string,
  role: 'hospital-staff' | 'primary-staff',
  lab: string,
  supply: string,
): Promise<void> {
  const clinician = maker.as(role, group, site, uuidv7());
  const system = maker.as('partner-system', group, site);
  const place = async () => {
    return maker.make(
      'lab_sharing.v1.OrderService/PlaceOrder',
      clinician,
      {
        orderingInstitutionId: site,
        orderingPractitionerId: clinician.practitionerId,
        patientResidentId: group.residentId,
        itemCode: 'LAB-GLU',
        centreId: lab,
        clinicalInfo: '口渴多饮，查空腹血糖',
        urgency: ROUTINE,
        referralId: '',
        lookupId: '',
      },
      'order.id',
    );
  };
  const [order, orderForSteps] = [await place(), await place()];
  await maker.call('lab_sharing.v1.OrderService/RecordExamData', clinician, {
    orderId: order,
    exam: {
      case: 'specimen',
      value: { barcode: `GLU-${order.slice(-12)}`, specimen: 'serum', collectedAt: instant(0) },
    },
  });
  const report = await maker.make(
    'lab_sharing.v1.ReportService/GetReport',
    clinician,
    { reportId: '', orderId: order },
    'report.id',
  );
  const record = async () => {
    return maker.make(
      'lab_sharing.v1.ResultService/RecordResult',
      system,
      {
        patientResidentId: group.residentId,
        itemCode: 'LAB-GLU',
        performedAt: instant(3_600_000),
        reportedAt: instant(1_800_000),
        observations: [GLUCOSE],
        conclusion: '',
        study: undefined,
      },
      'result.id',
    );
  };
  const [result, resultForSteps] = [await record(), await record()];
  const lookup = await maker.make(
    'lab_sharing.v1.RecognitionService/LookUpResults',
    clinician,
    { patientResidentId: group.residentId, itemCode: 'LAB-GLU' },
    'lookup.id',
  );
  const batch = await maker.make(
    'lab_sharing.v1.SterilisationService/SendBatch',
    clinician,
    {
      sendingInstitutionId: site,
      centreId: supply,
      packages: [{ code: `PKG-${site.slice(-8)}`, name: '换药包', quantity: 1 }],
    },
    'batch.id',
  );
  maker.records.set('critical-value', site, await criticalValue(maker, group, site, clinician, lab));
  maker.records.set('order', site, order);
  maker.records.set('order-for-steps', site, orderForSteps);
  maker.records.set('report', site, report);
  maker.records.set('result', site, result);
  maker.records.set('result-for-steps', site, resultForSteps);
  maker.records.set('lookup', site, lookup);
  maker.records.set('batch', site, batch);
}

/** A potassium of 6.8 mmol/L against 3.5-5.5: critically high, so the signed report raises a critical value. */
const CRITICAL_POTASSIUM = {
  findings: '',
  conclusion: '高钾血症',
  observations: [
    {
      itemCode: 'LAB-K',
      nationalCode: '',
      loinc: '2823-3',
      name: '钾',
      value: { case: 'quantity', value: { value: 6.8, unit: 'mmol/L' } },
      referenceRange: { low: 3.5, high: 5.5 },
      flag: 'HH',
    },
  ],
  critical: false,
  criticalNote: '血钾 6.8 mmol/L，请立即处理',
  dataClass: 'general',
};

/**
 * A critical value of the site's: its potassium order, taken, drafted and signed by the lead hospital's laboratory
 * physician at the group's centre; the alert found among the site's critical values.
 */
async function criticalValue(
  maker: RecordMaker,
  group: CityGroup,
  site: string,
  clinician: Identity,
  lab: string,
): Promise<string> {
  const order = await maker.make(
    'lab_sharing.v1.OrderService/PlaceOrder',
    clinician,
    {
      orderingInstitutionId: site,
      orderingPractitionerId: clinician.practitionerId,
      patientResidentId: group.residentId,
      itemCode: 'LAB-K',
      centreId: lab,
      clinicalInfo: '乏力，查血钾',
      urgency: ROUTINE,
      referralId: '',
      lookupId: '',
    },
    'order.id',
  );
  await maker.call('lab_sharing.v1.OrderService/RecordExamData', clinician, {
    orderId: order,
    exam: {
      case: 'specimen',
      value: { barcode: `K-${order.slice(-12)}`, specimen: 'serum', collectedAt: instant(0) },
    },
  });
  const reporter = maker.as(
    'hospital-staff',
    group,
    group.leadId,
    maker.records.get('practitioner', group.leadId) ?? null,
  );
  const reportId = await maker.make(
    'lab_sharing.v1.ReportService/GetReport',
    reporter,
    { reportId: '', orderId: order },
    'report.id',
  );
  await maker.call('lab_sharing.v1.ReportService/ClaimReport', reporter, { reportId });
  await maker.call('lab_sharing.v1.ReportService/SaveDraft', reporter, {
    reportId,
    content: CRITICAL_POTASSIUM,
  });
  await maker.call('lab_sharing.v1.ReportService/SignReport', reporter, { reportId });
  const { criticalValues } = (await maker.call('lab_sharing.v1.ReportService/ListCriticalValues', clinician, {
    orderingInstitutionId: site,
    status: 0,
    pageSize: 10,
    pageToken: '',
  })) as { criticalValues: { id: string; reportId: string }[] };
  const alert = criticalValues.find((c) => c.reportId === reportId);
  if (!alert)
    throw new Error(`making the walk's records: signing report ${reportId} raised no critical value`);
  return alert.id;
}
