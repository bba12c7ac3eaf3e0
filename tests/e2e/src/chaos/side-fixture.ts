import { type Identity } from '@medgrid/auth';
import { centreServiceV1, peopleV1, registryV1 } from '@medgrid/contracts';
import { anIdentity, waitFor } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type ChaosCity, type ChaosService } from './chaos-city';

const DAY = 86_400_000;

/** What the lab, prescription and claims flows stand on in the chaos city's group, set up once before the runs. */
export interface SideFixture {
  /** The group's laboratory centre, hosted by its hospital and serving its community centre. */
  readonly labCentreId: string;
  /** A laboratory physician of the hospital, registered in the registry, who reports for the centre. */
  readonly reporter: Identity;
  /** Amlodipine 5 mg, the volume-based winner every level may stock and the community centre stocks. */
  readonly amlodipineCode: string;
}

/** A group of a run's own for the claims flows: a month is settled once per group, and every claims flow settles one. */
export interface PaymentGroup {
  readonly groupId: string;
  readonly centreId: string;
  /** The community centre's staff, who submit its claims. */
  readonly centre: Identity;
}

/** Polls a service's database until the count the query answers (as `n`) is `expected`. */
async function untilCounted(
  city: ChaosCity,
  service: ChaosService,
  what: string,
  sql: string,
  parameters: unknown[],
  expected: number,
): Promise<void> {
  await waitFor(
    `${service} to learn ${what}`,
    async () => {
      const [row] = await city.query<{ n: number }>(service, sql, parameters);
      return row!.n === expected ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 100 },
  );
}

/** Once lab-sharing, pharmacy and payment have learnt the group from the registry: each one's own starting data. */
export async function prepareSideFixture(city: ChaosCity): Promise<SideFixture> {
  const { h, group } = city;
  const institutionsAndCity = `SELECT ((SELECT count(*) FROM known_institution WHERE id IN ($1, $2))
      + (SELECT count(*) FROM known_group WHERE id = $3 AND jsonb_array_length(members) = 2)
      + (SELECT count(*) FROM known_grid g JOIN known_city c ON c.id = g.city_id WHERE g.id = $4))::int AS n`;
  const ids = [group.hospitalId, group.centreId, group.groupId, group.gridId];
  await Promise.all([
    untilCounted(city, 'lab-sharing', 'the group and its city', institutionsAndCity, ids, 4),
    untilCounted(city, 'payment', 'the group and its city', institutionsAndCity, ids, 4),
    untilCounted(
      city,
      'pharmacy',
      'the group',
      `SELECT ((SELECT count(*) FROM known_institution WHERE id IN ($1, $2) AND group_id = $3)
          + (SELECT count(*) FROM known_group WHERE id = $3 AND jsonb_array_length(members) = 2))::int AS n`,
      ids.slice(0, 3),
      3,
    ),
  ]);
  const [reporter, amlodipineCode] = await Promise.all([
    prepareLab(city),
    preparePharmacy(city),
    preparePayment(city),
  ]);
  const { centre: labCentre } = await h.call(
    city.side.clients.centres,
    city.side.clients.centres.registerCentre,
    {
      clientRequestId: uuidv7(),
      groupId: '',
      kind: centreServiceV1.CentreKind.CENTRE_KIND_LABORATORY,
      name: '集团检验中心',
      hostInstitutionId: group.hospitalId,
      servedInstitutionIds: [group.centreId],
    },
    group.groupAdmin,
  );
  return { labCentreId: labCentre!.id, reporter, amlodipineCode };
}

/**
 * The city's recognition catalogue, the community centre accredited (it performs, so its results are offered for
 * reuse) and a laboratory physician of the hospital known to lab-sharing: the reporter.
 */
async function prepareLab(city: ChaosCity): Promise<Identity> {
  const { h, group } = city;
  const c = city.side.clients;
  const operator = h.registry.operator;
  await h.call(
    c.recognition,
    c.recognition.loadStarterCatalogue,
    { clientRequestId: uuidv7(), regionId: group.cityId, fromVersion: 0 },
    operator,
  );
  await h.call(
    c.centres,
    c.centres.recordLabQuality,
    {
      clientRequestId: uuidv7(),
      institutionId: group.centreId,
      kind: centreServiceV1.LabQualityKind.LAB_QUALITY_KIND_ISO15189_ACCREDITATION,
      reference: 'CNAS-ML0001',
      validFrom: new Date(Date.now() - 60 * DAY),
      validUntil: new Date(Date.now() + 300 * DAY),
    },
    operator,
  );
  const r = h.registry;
  const { practitioner } = await r.call(r.workforce, r.workforce.registerPractitioner, {
    clientRequestId: uuidv7(),
    licenceNumber: String(300000000000000 + Math.floor(Math.random() * 1e12)),
    name: '检验医师',
    title: peopleV1.PractitionerTitle.PRACTITIONER_TITLE_ATTENDING,
    specialtyCode: '30',
    homeInstitutionId: group.hospitalId,
  });
  await untilCounted(
    city,
    'lab-sharing',
    'the reporter',
    'SELECT count(*)::int AS n FROM known_practitioner WHERE id = $1',
    [practitioner!.id],
    1,
  );
  return { ...group.manager, practitionerId: practitioner!.id };
}

/** The group's starter drug catalogue, and its volume-based amlodipine stocked at the community centre. */
async function preparePharmacy(city: ChaosCity): Promise<string> {
  const { h, group } = city;
  const c = city.side.clients;
  await h.call(
    c.drugs,
    c.drugs.loadStarterDrugCatalogue,
    { clientRequestId: uuidv7(), fromVersion: 0, effectiveFrom: undefined },
    group.groupAdmin,
  );
  const { drugs } = await h.call(
    c.drugs,
    c.drugs.searchDrugs,
    { genericName: '苯磺酸氨氯地平', at: undefined, groupId: '' },
    group.centre,
  );
  const winner = drugs.find((d) => d.strength === '5mg' && d.volumeBased && d.levels.includes('primary'));
  if (!winner) throw new Error('the starter catalogue has no volume-based amlodipine 5 mg for primary care');
  await h.call(
    c.formulary,
    c.formulary.stockDrug,
    { clientRequestId: uuidv7(), drugCode: winner.code },
    group.centre,
  );
  return winner.code;
}

/** The city's starter reimbursement table and its settlement policy (a surplus 60% retained, an overspend 6:4). */
async function preparePayment(city: ChaosCity): Promise<void> {
  const { h, group } = city;
  const c = city.side.clients;
  const operator = h.registry.operator;
  await h.call(
    c.rules,
    c.rules.loadStarterReimbursementTable,
    { clientRequestId: uuidv7(), regionId: group.cityId, fromVersion: 0, effectiveFrom: '2020-01-01' },
    operator,
  );
  await h.call(
    c.settlement,
    c.settlement.putSettlementPolicies,
    {
      clientRequestId: uuidv7(),
      regionId: group.cityId,
      fromVersion: 0,
      policies: [
        {
          from: '2020-01-01',
          until: '',
          surplusRetainedBp: 6000,
          overspendFundBp: 6000,
          overspendFinanceBp: 4000,
          basis: 'surplus 60% retained, overspend 6:4 fund and finance',
        },
      ],
      schemes: [],
    },
    operator,
  );
}

/** A new group of the city (a tertiary hospital its lead, a community centre its member), once payment knows it. */
export async function newPaymentGroup(city: ChaosCity): Promise<PaymentGroup> {
  const r = city.h.registry;
  const { MembershipRole: R } = registryV1;
  const grid = await r.newGrid(city.group.cityId);
  const hospital = await r.newHospital(grid.id);
  const centre = await r.newCentre(grid.id);
  const group = await r.newGroup(grid.id);
  await r.join(group.id, hospital.id, R.MEMBERSHIP_ROLE_LEAD);
  await r.join(group.id, centre.id, R.MEMBERSHIP_ROLE_MEMBER);
  await untilCounted(
    city,
    'payment',
    "the run's group and its city",
    `SELECT ((SELECT count(*) FROM known_institution WHERE id IN ($1, $2))
        + (SELECT count(*) FROM known_group WHERE id = $3 AND jsonb_array_length(members) = 2)
        + (SELECT count(*) FROM known_grid g JOIN known_city c ON c.id = g.city_id WHERE g.id = $4))::int AS n`,
    [hospital.id, centre.id, group.id, grid.id],
    4,
  );
  return {
    groupId: group.id,
    centreId: centre.id,
    centre: anIdentity({ role: 'primary-staff', institutionId: centre.id, groupId: group.id }),
  };
}
