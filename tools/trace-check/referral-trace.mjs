// One referral, one trace: sends a referral of the demo city through referral's gRPC API (created and so submitted,
// then accepted by the hospital), each call in a trace this script starts, and asks the local Jaeger
// (scripts/jaeger.sh) whether that trace holds referral's spans AND scheduling's consumer of the referral's event,
// the hop across Kafka (the outbox relay's publish span, its context in the message's headers). Run by hand against
// a platform whose referral and scheduling export to Jaeger (scripts/up.sh does so when Jaeger is built):
//
//   node tools/trace-check/referral-trace.mjs [--registry 127.0.0.1:50060] [--referral 127.0.0.1:50061]
//       [--jaeger http://127.0.0.1:16686] [--timeout 60]
//
// Prints, per step, the trace id, its services and span count and the trace's address in Jaeger (its UI and its
// query API); exits 1 naming
// the hop where the trace breaks: the gRPC call (no span of referral), the outbox relay (no publish span in the
// trace) or the Kafka hop (scheduling's consumer span missing, or the root of a trace of its own: context lost).
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const { values } = parseArgs({
  options: {
    registry: { type: 'string', default: process.env.MEDGRID_REGISTRY_GRPC ?? '127.0.0.1:50060' },
    referral: { type: 'string', default: process.env.MEDGRID_REFERRAL_GRPC ?? '127.0.0.1:50061' },
    jaeger: {
      type: 'string',
      default: `http://127.0.0.1:${process.env.MEDGRID_JAEGER_UI_PORT ?? '16686'}`,
    },
    timeout: { type: 'string', default: '60' },
  },
});
const TIMEOUT_MS = Number(values.timeout) * 1000;
const REFERRAL_TOPIC = 'medgrid.referral.referral.v1';

const definitions = protoLoader.loadSync(
  [
    'medgrid/registry/v1/organisation_service.proto',
    'medgrid/registry/v1/resident_service.proto',
    'medgrid/referral/v1/referral_service.proto',
  ],
  { includeDirs: [join(ROOT, 'proto')], longs: String, enums: String, defaults: true, oneofs: true },
);
const { medgrid } = grpc.loadPackageDefinition(definitions);
const registryOrgs = new medgrid.registry.v1.OrganisationService(
  values.registry,
  grpc.credentials.createInsecure(),
);
const registryResidents = new medgrid.registry.v1.ResidentService(
  values.registry,
  grpc.credentials.createInsecure(),
);
const referrals = new medgrid.referral.v1.ReferralService(values.referral, grpc.credentials.createInsecure());

const say = (line) => process.stdout.write(`${line}\n`);
function fail(hop, detail) {
  console.error(`trace broken at ${hop}: ${detail}`);
  process.exit(1);
}

/** A development token, as scripts/dev-token.sh prints it. */
function token(...args) {
  return execFileSync('bash', [join(ROOT, 'scripts/dev-token.sh'), ...args], { encoding: 'utf8' }).trim();
}

/** A unary call as `bearer`; with `traceId`, in a sampled trace of that id whose root is this script. */
function call(client, method, bearer, request, traceId) {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${bearer}`);
  if (traceId) metadata.set('traceparent', `00-${traceId}-${randomBytes(8).toString('hex')}-01`);
  return new Promise((answer, refuse) =>
    client[method](request, metadata, { deadline: Date.now() + 15_000 }, (error, response) =>
      error ? refuse(new Error(`${method}: ${error.details ?? error.message}`)) : answer(response),
    ),
  );
}

async function jaeger(path) {
  const response = await fetch(`${values.jaeger}${path}`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`Jaeger ${path}: HTTP ${response.status}`);
  return (await response.json()).data;
}

/** The trace's spans with their service names, or [] while Jaeger has none of it. */
async function spansOf(traceId) {
  const [trace] = (await jaeger(`/api/traces/${traceId}`)) ?? [];
  if (!trace) return [];
  return trace.spans.map((span) => ({ ...span, service: trace.processes[span.processID].serviceName }));
}

const pause = (ms) => new Promise((resume) => setTimeout(resume, ms));

/**
 * Waits until the trace holds referral's gRPC span, its publish of the event and scheduling's consumer of it;
 * gives up after the timeout naming the first missing one.
 */
async function checkTrace(step, traceId, startedAtMicros) {
  const consumerOp = `${REFERRAL_TOPIC} process`;
  const publishOp = `${REFERRAL_TOPIC} publish`;
  const deadline = Date.now() + TIMEOUT_MS;
  let spans = [];
  for (;;) {
    spans = await spansOf(traceId);
    const has = (service, op) => spans.some((s) => s.service === service && (!op || s.operationName === op));
    if (has('referral') && has('referral', publishOp) && has('scheduling', consumerOp)) break;
    if (Date.now() > deadline) {
      if (!has('referral'))
        fail(
          `${step}, the gRPC call to referral`,
          `Jaeger has no span of trace ${traceId}: is referral started with OTEL_TRACES_EXPORTER=otlp and ` +
            `OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 (its /proc/<pid>/environ), and Jaeger up?`,
        );
      if (!has('referral', publishOp))
        fail(
          `${step}, referral's outbox relay`,
          `trace ${traceId} has referral's spans (${[...new Set(spans.map((s) => s.operationName))].join(', ')}) ` +
            `but no "${publishOp}" span: the relay did not publish in the request's context`,
        );
      // Scheduling's consumer of the event, if it ran at all since the call: as the root of a trace of its own,
      // the context did not cross Kafka; absent, scheduling exports nothing (or has not consumed it).
      const consumed =
        (await jaeger(
          `/api/traces?service=scheduling&operation=${encodeURIComponent(consumerOp)}` +
            `&start=${startedAtMicros}&end=${Date.now() * 1000}&limit=50`,
        )) ?? [];
      const orphans = consumed.filter((t) =>
        t.spans.some((s) => s.operationName === consumerOp && !s.references?.length),
      );
      fail(
        `${step}, the Kafka hop referral → scheduling (${REFERRAL_TOPIC})`,
        orphans.length
          ? `scheduling consumed since the call in ${orphans.length} trace(s) of their own (first ${orphans[0].traceID}): ` +
              "the publish span's traceparent did not reach the consumer (message headers / envelope traceContext)"
          : `no "${consumerOp}" span of scheduling in Jaeger since the call: is scheduling exporting ` +
              '(OTEL_TRACES_EXPORTER=otlp) and its consumer group caught up?',
      );
    }
    await pause(1000);
  }
  const services = [...new Set(spans.map((s) => s.service))].sort();
  say(`  ${step}: trace ${traceId}`);
  say(`    services: ${services.join(', ')}; ${spans.length} spans`);
  say(`    ${values.jaeger}/trace/${traceId} (spans as JSON: ${values.jaeger}/api/traces/${traceId})`);
}

// ---- a referral of the demo city: its first group's hospital, a centre of the group, a resident of the grid ----
const operator = token('--role', 'city-operator');
const { institutions = [] } = await call(registryOrgs, 'SearchInstitutions', operator, { pageSize: 200 });
const hospital = institutions.find((i) => i.level === 'INSTITUTION_LEVEL_TERTIARY' && i.groupId);
const centre = institutions.find(
  (i) => i.level === 'INSTITUTION_LEVEL_PRIMARY' && i.groupId === hospital?.groupId,
);
if (!hospital || !centre)
  fail('setup', 'the registry has no group with a tertiary hospital and a primary centre');
const { residents = [] } = await call(registryResidents, 'SearchResidents', operator, {
  gridId: hospital.gridId,
  pageSize: 100,
});
const resident = residents[Math.floor(Math.random() * residents.length)];
if (!resident) fail('setup', `the grid of ${hospital.name} has no resident`);
const clinic = token('--role', 'primary-staff', '--institution', centre.id, '--group', hospital.groupId);
const ward = token('--role', 'hospital-staff', '--institution', hospital.id, '--group', hospital.groupId);

say(`referral trace check (Jaeger ${values.jaeger}):`);
const submitTrace = randomBytes(16).toString('hex');
const submittedAt = Date.now() * 1000;
const { referral } = await call(
  referrals,
  'CreateReferral',
  clinic,
  {
    clientRequestId: randomUUID(),
    patientResidentId: resident.residentIdNumber,
    referringInstitutionId: centre.id,
    receivingInstitutionId: hospital.id,
    direction: 'REFERRAL_DIRECTION_UPWARD',
    icd10Code: 'I10',
    reason: '血压控制不佳，需上级医院调整治疗方案（链路追踪检查）',
    indicationCodes: ['HTN_SEVERE'],
  },
  submitTrace,
);
say(`  referral ${referral.id} submitted (${centre.name} → ${hospital.name})`);
await checkTrace('submit', submitTrace, submittedAt);

const acceptTrace = randomBytes(16).toString('hex');
const acceptedAt = Date.now() * 1000;
await call(
  referrals,
  'AcceptReferral',
  ward,
  { clientRequestId: randomUUID(), id: referral.id, note: '同意接收（链路追踪检查）' },
  acceptTrace,
);
say(`  referral ${referral.id} accepted`);
await checkTrace('accept', acceptTrace, acceptedAt);

for (const client of [registryOrgs, registryResidents, referrals]) client.close();
say('one trace per step, from referral across Kafka to scheduling');
