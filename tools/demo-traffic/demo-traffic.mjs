// The demo city's live traffic: a small slice of a medical group's day sent through the running services' gRPC APIs,
// as its staff would, so the figures the services count as they answer (the Prometheus metrics of the Grafana
// dashboard and the alerts) have something to count. scripts/up.sh runs it after loading the demo activity: the demo
// loaders go through the services' use cases in processes of their own, straight to the databases, so the running
// services never see that work and their counters would stay at nothing.
//
//   node tools/demo-traffic/demo-traffic.mjs --services registry=127.0.0.1:50060,referral=127.0.0.1:50061,...
//       --key <the development issuer's private key PEM>
//
// One group of the demo city (its tertiary hospital first by name, and a primary centre of the group) and residents
// of the hospital's grid: an upward referral sent on a written justification, accepted, the patient arriving and the
// visit completed; a public slot booked at the hospital; prescriptions checked at the centre (ordinary, a long one
// for a stable chronic patient, a long one capped, a line outside the catalogue refused); claims sent by the centre
// (one for an insured resident, one for an identity number no insurer knows: refused); a potassium ordered by the
// centre, reported and signed at the hospital's laboratory centre, which the first run registers (the demo city has
// no shared centre of its own). Every run adds these again with fresh request ids; a refusal is part of the traffic,
// any other failure stops the run with the step's error.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { TokenIssuer } = require('@medgrid/auth');

const { values } = parseArgs({
  options: { services: { type: 'string' }, key: { type: 'string' }, 'tls-dir': { type: 'string' } },
});
if (!values.services || !values.key) {
  console.error(
    'usage: demo-traffic.mjs --services <name>=<host:port>,... --key <private key PEM file> [--tls-dir <dev-certs dir>]',
  );
  process.exit(2);
}
// Services under mutual TLS (scripts/dev-certs.sh): the gateway's platform certificate, which may carry any
// institution's calls, as the demo's callers act for many.
const channel = values['tls-dir']
  ? grpc.credentials.createSsl(
      readFileSync(join(values['tls-dir'], 'ca.crt')),
      readFileSync(join(values['tls-dir'], 'gateway.key')),
      readFileSync(join(values['tls-dir'], 'gateway.crt')),
    )
  : grpc.credentials.createInsecure();
const ADDRESSES = Object.fromEntries(values.services.split(',').map((pair) => pair.split('=')));

const PROTOS = {
  registry: ['organisation_service', 'resident_service'],
  referral: ['referral_service'],
  scheduling: ['booking_service'],
  pharmacy: ['formulary_service', 'prescribing_service'],
  payment: ['claim_service', 'enrolment_service'],
  lab_sharing: ['centre_service', 'order_service', 'report_service'],
};
const definitions = protoLoader.loadSync(
  Object.entries(PROTOS).flatMap(([pkg, files]) => files.map((f) => `medgrid/${pkg}/v1/${f}.proto`)),
  { includeDirs: [join(ROOT, 'proto')], longs: String, enums: String, defaults: true, oneofs: true },
);
const packages = grpc.loadPackageDefinition(definitions);
const clients = new Map();

/** A unary call as `identity` to `<service>.<Service>/<Method>`, answered or rejected with the gRPC error. */
function call(identity, service, rpc, request) {
  const [serviceName, method] = rpc.split('/');
  const key = `${service}.${serviceName}`;
  if (!clients.has(key)) {
    const Client = packages.medgrid[service.replaceAll('-', '_')].v1[serviceName];
    if (!ADDRESSES[service]) throw new Error(`no address for ${service} in --services`);
    clients.set(key, new Client(ADDRESSES[service], channel));
  }
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${identity.token}`);
  return new Promise((answer, refuse) =>
    clients
      .get(key)
      [method](request, metadata, { deadline: Date.now() + 15_000 }, (error, response) =>
        error ? refuse(error) : answer(response),
      ),
  );
}

/** A refusal is an answer this traffic expects for some requests: its gRPC status name, or the error rethrown. */
async function answerOrRefusal(promise) {
  try {
    return { answer: await promise };
  } catch (error) {
    if (
      typeof error.code !== 'number' ||
      [grpc.status.UNAVAILABLE, grpc.status.UNAUTHENTICATED].includes(error.code)
    )
      throw error;
    return { refused: grpc.status[error.code] ?? String(error.code), detail: error.details };
  }
}

const issuer = await TokenIssuer.fromPrivateKeyPem(
  readFileSync(values.key, 'utf8'),
  'medgrid-dev-issuer',
  'medgrid',
);
async function identity(role, institutionId = null, groupId = null, practitionerId = null) {
  const subject = `demo-traffic-${role}`;
  const token = await issuer.sign({ subject, role, institutionId, groupId, practitionerId }, 900);
  return { token };
}

/** GB 11643 check character of the first 17 characters of a resident identity number. */
function checkCharacter(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return '10X98765432'[sum % 11];
}

const today = new Date().toISOString().slice(0, 10);
const timestamp = (date) => ({
  seconds: String(Math.floor(date.getTime() / 1000)),
  nanos: (date.getTime() % 1000) * 1e6,
});
const say = (line) => process.stdout.write(`${line}\n`);
const done = (what, outcome) => say(`  ${what}: ${outcome}`);
// A step that fails ends the run with its gRPC error, not a stack: up.sh prints it under a warning.
process.on('uncaughtException', (error) => {
  console.error(`demo traffic stopped: ${error.details ?? error.message}`);
  process.exit(1);
});

// ---- the group, its hospital, its centre and residents --------------------------------------------------------
const operator = await identity('city-operator');
const { institutions } = await call(operator, 'registry', 'OrganisationService/SearchInstitutions', {
  pageSize: 200,
});
const byName = [...institutions].sort((a, b) => a.name.localeCompare(b.name));
const hospital = byName.find((i) => i.level === 'INSTITUTION_LEVEL_TERTIARY' && i.groupId);
const centre = byName.find((i) => i.level === 'INSTITUTION_LEVEL_PRIMARY' && i.groupId === hospital?.groupId);
if (!hospital || !centre) {
  say('no group with a tertiary hospital and a primary centre in the demo city: no traffic sent');
  process.exit(0);
}
const group = hospital.groupId;
say(`live traffic of group ${group} (${hospital.name}, ${centre.name}):`);
const { residents } = await call(operator, 'registry', 'ResidentService/SearchResidents', {
  gridId: hospital.gridId,
  pageSize: 50,
});
if (residents.length < 5) throw new Error(`the grid of ${hospital.name} has fewer than 5 residents`);
// A different resident for each step, so a run never meets the one-booking-per-session rule of an earlier run's.
const shuffled = [...residents].sort(() => Math.random() - 0.5).map((r) => r.residentIdNumber);
const clinic = await identity('primary-staff', centre.id, group, randomUUID());
const ward = await identity('hospital-staff', hospital.id, group, randomUUID());

// ---- referral: sent on a justification, accepted, arrived, completed --------------------------------------------
const { referral } = await call(clinic, 'referral', 'ReferralService/CreateReferral', {
  clientRequestId: randomUUID(),
  patientResidentId: shuffled[0],
  referringInstitutionId: centre.id,
  receivingInstitutionId: hospital.id,
  direction: 'REFERRAL_DIRECTION_UPWARD',
  icd10Code: 'I10',
  reason: '血压控制不佳，需上级医院调整方案（演示流量）',
  justification: '夜间血压持续升高，现有三联用药无效，需住院评估继发性高血压（演示流量）',
});
for (const [step, note] of [
  ['AcceptReferral', '同意接收（演示流量）'],
  ['RecordArrival', '患者已到院（演示流量）'],
  ['RecordCompletion', '调整用药后血压达标，转回社区随访（演示流量）'],
])
  await call(ward, 'referral', `ReferralService/${step}`, {
    clientRequestId: randomUUID(),
    id: referral.id,
    note,
  });
done('referral', `${referral.id} sent without a catalogued indication, accepted, arrived, completed`);

// ---- scheduling: a public slot booked at the hospital --------------------------------------------------------------
const { sessions = [] } = await call(ward, 'scheduling', 'BookingService/SearchAvailability', {
  institutionId: hospital.id,
  pool: 'POOL_PUBLIC',
  pageSize: 50,
});
const session = sessions.find((s) => Number(s.freePublic ?? 0) > 0);
if (session) {
  const booked = await answerOrRefusal(
    call(ward, 'scheduling', 'BookingService/BookSlot', {
      claim: {
        clientRequestId: randomUUID(),
        sessionId: session.id,
        patientResidentId: shuffled[1],
        pool: 'POOL_PUBLIC',
      },
    }),
  );
  done(
    'booking',
    booked.refused ? `refused (${booked.refused}: ${booked.detail})` : `session ${session.id} booked`,
  );
} else {
  done('booking', `no session of ${hospital.name} with a free public slot in the next 14 days`);
}

// ---- pharmacy: prescriptions checked at the centre -------------------------------------------------------------------
const { formulary } = await call(clinic, 'pharmacy', 'FormularyService/GetFormulary', {});
const stocked = (formulary?.items ?? [])
  .filter((item) => Number(item.onHand) > 0)
  .map((item) => item.drugCode);
// A long prescription is for a contracted resident (签约居民): the first of the grid's residents with a contract.
let contracted = null;
for (const residentIdNumber of shuffled.slice(4, 24)) {
  const care = await call(operator, 'registry', 'ResidentService/GetResidentCare', { residentIdNumber });
  if (care.contract) {
    contracted = residentIdNumber;
    break;
  }
}
if (stocked.length >= 2 && contracted) {
  const line = (drugCode, days) => ({ drugCode, quantity: 1, daysOfSupply: days });
  const prescriptions = [
    ['ordinary', { diagnosisCodes: ['J06.9'], lines: [line(stocked[0], 7), line(stocked[1], 7)] }],
    [
      'long, stable',
      { diagnosisCodes: ['I10'], stable: true, regimenUnchanged: true, lines: [line(stocked[0], 84)] },
    ],
    ['long, not stable', { diagnosisCodes: ['I10'], stable: false, lines: [line(stocked[1], 84)] }],
    // A well-formed code (ATC C08CA) no catalogue has.
    ['outside the catalogue', { diagnosisCodes: ['E78.5'], lines: [line('XC08CAZ999Z999999999999', 14)] }],
  ];
  for (const [kind, prescription] of prescriptions) {
    const checked = await answerOrRefusal(
      call(clinic, 'pharmacy', 'PrescribingService/CheckPrescription', {
        patientResidentId: contracted,
        ...prescription,
      }),
    );
    const findings = (checked.answer?.lines ?? []).flatMap((l) => l.findings.map((f) => f.code));
    done(
      `prescription (${kind})`,
      checked.refused
        ? `refused (${checked.refused}: ${checked.detail})`
        : `${checked.answer.outcome}${findings.length ? ` (${[...new Set(findings)].join(', ')})` : ''}`,
    );
  }
} else {
  done(
    'prescriptions',
    `none: ${contracted ? `the formulary of ${centre.name} has fewer than 2 drugs` : 'no contracted resident found'}`,
  );
}

// ---- payment: claims of the centre ----------------------------------------------------------------------------------
// The insured resident: on the insurer's roll from the start of the year if no spell covers them today (what the
// insurer's monthly roll would have brought; the demo's rolls cover only the residents its own claims name).
const insured = shuffled[3];
const { covered } = await call(operator, 'payment', 'EnrolmentService/GetCoverage', { residentId: insured });
if (!covered)
  await call(operator, 'payment', 'EnrolmentService/LoadCoverage', {
    clientRequestId: randomUUID(),
    rows: [
      { residentId: insured, scheme: 'SCHEME_URBAN_RURAL_RESIDENT', from: `${today.slice(0, 4)}-01-01` },
    ],
  });
const unknownResident = (() => {
  const first17 = `440106${1950 + Math.floor(Math.random() * 60)}0101${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
})();
for (const [kind, residentId] of [
  ['an insured resident', insured],
  ['an identity number no insurer covers', unknownResident],
]) {
  const claimed = await answerOrRefusal(
    call(clinic, 'payment', 'ClaimService/SubmitClaim', {
      clientRequestId: randomUUID(),
      claim: {
        claimNumber: `DEMO-TRAFFIC-${randomUUID()}`,
        residentId,
        serviceDate: today,
        encounter: 'ENCOUNTER_KIND_OUTPATIENT',
        lines: [
          { code: 'CONSULT-P', kind: 'LINE_KIND_CONSULTATION', quantity: 1, unitPrice: 1000, amount: 1000 },
          { code: 'BP-24H', kind: 'LINE_KIND_ITEM', quantity: 1, unitPrice: 3000, amount: 3000 },
          { code: 'XC-AMLODIPINE', kind: 'LINE_KIND_DRUG', quantity: 2, unitPrice: 2850, amount: 5700 },
        ],
        principalDiagnosis: 'I10',
        contracted: false,
      },
    }),
  );
  done(
    `claim (${kind})`,
    claimed.refused ? `refused (${claimed.refused}: ${claimed.detail})` : 'adjudicated',
  );
}

// ---- lab-sharing: a potassium ordered by the centre, reported and signed at the hospital's laboratory -----------------
// The group's laboratory centre, hosted by the hospital and serving the centre: registered by the group's
// administrator on the first run (the demo city has no shared centre of its own), found by its name after.
const admin = await identity('group-admin', hospital.id, group);
const LAB_NAME = '演示检验中心（演示流量）';
const { centres = [] } = await call(operator, 'lab-sharing', 'CentreService/ListCentres', {
  groupId: group,
  kind: 'CENTRE_KIND_LABORATORY',
});
let lab = centres.find((c) => c.name === LAB_NAME && c.hostInstitutionId === hospital.id);
if (!lab) {
  ({ centre: lab } = await call(admin, 'lab-sharing', 'CentreService/RegisterCentre', {
    clientRequestId: randomUUID(),
    groupId: group,
    kind: 'CENTRE_KIND_LABORATORY',
    name: LAB_NAME,
    hostInstitutionId: hospital.id,
    servedInstitutionIds: [centre.id],
  }));
}
// Its reporters are the hospital's laboratory practitioners lab-sharing has learnt from the registry's events: on a
// platform just started they may still be on their way.
let reporters = [];
for (let waited = 0; waited <= 60 && !reporters.length; waited += 2) {
  if (waited) await new Promise((resume) => setTimeout(resume, 2000));
  ({ reporters = [] } = await call(admin, 'lab-sharing', 'CentreService/ListCentreReporters', {
    centreId: lab.id,
  }));
}
if (reporters.length) {
  const orderer = await identity('primary-staff', centre.id, group, randomUUID());
  const reporter = await identity('hospital-staff', hospital.id, group, reporters[0].practitionerId);
  const { order } = await call(orderer, 'lab-sharing', 'OrderService/PlaceOrder', {
    clientRequestId: randomUUID(),
    orderingInstitutionId: centre.id,
    patientResidentId: shuffled[4],
    itemCode: 'LAB-K',
    centreId: lab.id,
    clinicalInfo: '服用利尿剂，复查电解质（演示流量）',
    urgency: 'ORDER_URGENCY_ROUTINE',
  });
  await call(orderer, 'lab-sharing', 'OrderService/RecordExamData', {
    clientRequestId: randomUUID(),
    orderId: order.id,
    specimen: { barcode: `DEMO-${Date.now()}`, specimen: 'serum', collectedAt: timestamp(new Date()) },
  });
  const { report } = await call(reporter, 'lab-sharing', 'ReportService/GetReport', { orderId: order.id });
  await call(reporter, 'lab-sharing', 'ReportService/ClaimReport', {
    clientRequestId: randomUUID(),
    reportId: report.id,
  });
  await call(reporter, 'lab-sharing', 'ReportService/SaveDraft', {
    clientRequestId: randomUUID(),
    reportId: report.id,
    content: {
      conclusion: '血钾正常',
      observations: [
        {
          itemCode: 'LAB-K',
          loinc: '2823-3',
          name: '钾',
          quantity: { value: 4.2, unit: 'mmol/L' },
          referenceRange: { low: 3.5, high: 5.5 },
          flag: 'N',
        },
      ],
      dataClass: 'general',
    },
  });
  await call(reporter, 'lab-sharing', 'ReportService/SignReport', {
    clientRequestId: randomUUID(),
    reportId: report.id,
  });
  done('lab report', `order ${order.id} placed, its specimen sent, reported and signed at ${lab.name}`);
} else {
  done(
    'lab report',
    `none: ${lab.name} has no reporter (a laboratory practitioner of ${hospital.name}) after 60 s`,
  );
}

for (const client of clients.values()) client.close();
