// Referral creation as primary sites do it, as a k6 scenario over gRPC: BENCH_CREATE_VUS callers each send
// ReferralService/CreateReferral back to back (a closed loop: what referral sustains with that many calls in
// flight), every call a new client request id, upward from one of the group's primary sites to the lead hospital's
// department, hypertension with a severe indication, so the disease criteria are evaluated on every call. Every
// other call is a contracted resident of the plan (seed.js), sent by the site whose team holds the contract, so
// the contracted-resident priority is looked up and found; the others are residents of the grid contracted with
// no site (the plan's others), from the sites in turn. Patients are reused once the plan's are all sent: referral
// takes any number of open referrals of one patient. A benchmark, not a test: scripts/bench-referral.sh --create prepares
// the plan, runs this, checks referral's database and cancels the run's referrals. By hand:
//
//   BENCH_PLAN=$PWD/.bench/referral/plan.json .cache/go-bin/k6 run bench/referral/create.js
//
// Two scenarios, one after the other: warmup (BENCH_CREATE_WARMUP_S, not in the figures) and create
// (BENCH_CREATE_S). Measured: referrals created per second over the create scenario and the call's latency
// (k6's clock, from the call to its answer); every answer must be OK.
//
// Settings (environment):
//   BENCH_PLAN                 plan JSON from seed.js (required)
//   BENCH_CREATE_VUS=32  BENCH_CREATE_S=30  BENCH_CREATE_WARMUP_S=5
//   BENCH_CALL_DEADLINE=10s    gRPC deadline of each call
//   BENCH_TARGET               referral's gRPC address (default: the plan's)
//   BENCH_SUMMARY_OUT          where handleSummary writes the JSON summary (.bench/...)
//   BENCH_PROTO_DIR            the repository's proto/ (default ../../proto, relative to bench/scheduling/lib)
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import grpc from 'k6/net/grpc';
import {
  describeFailure,
  envInt,
  envString,
  metricValue,
  PROTO_DIR,
  runUuid,
} from '../scheduling/lib/common.js';
import { planPatients, planShared } from './lib/plan.js';
import { REFERRAL_ID_KIND, runMarker } from './lib/shape.js';

const SETTINGS = {
  vus: Math.max(1, envInt('BENCH_CREATE_VUS', 32)),
  seconds: Math.max(1, envInt('BENCH_CREATE_S', 30)),
  warmupSeconds: envInt('BENCH_CREATE_WARMUP_S', 5),
  callDeadline: envString('BENCH_CALL_DEADLINE', '10s'),
  summaryOut: envString('BENCH_SUMMARY_OUT', ''),
};
const SERVICE = 'medgrid.referral.v1.ReferralService';

const contracted = planPatients('contracted', 'referrals');
const others = planPatients('others', 'others');
const shared = planShared();
const MARKER = runMarker(shared.runId);

const created = new Counter('create_ok');
const createdContracted = new Counter('create_ok_contracted');
const createErrors = new Counter('create_errors');
const warmupCreated = new Counter('create_warmup_ok');
const latency = new Trend('create_latency', true);

export const options = {
  scenarios: {
    ...(SETTINGS.warmupSeconds > 0
      ? {
          warmup: {
            executor: 'constant-vus',
            exec: 'create',
            vus: SETTINGS.vus,
            duration: `${SETTINGS.warmupSeconds}s`,
            gracefulStop: '10s',
          },
        }
      : {}),
    create: {
      executor: 'constant-vus',
      exec: 'create',
      vus: SETTINGS.vus,
      startTime: `${SETTINGS.warmupSeconds > 0 ? SETTINGS.warmupSeconds + 1 : 0}s`,
      duration: `${SETTINGS.seconds}s`,
      gracefulStop: '10s',
    },
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(50)', 'p(90)', 'p(95)', 'p(99)', 'max', 'count'],
};

const client = new grpc.Client();
client.load([PROTO_DIR], 'medgrid/referral/v1/referral_service.proto', 'google/rpc/error_details.proto');
let connected = false;
const logged = new Set();

/** The i-th call's patient and sending site: a contracted resident of the plan every other call, else another. */
function patientOf(i) {
  const half = Math.floor(i / 2);
  if ((i % 2 === 1 || others.length === 0) && contracted.length > 0) {
    const { patient, site } = contracted[half % contracted.length];
    return { patient, site, contractedResident: true };
  }
  return {
    patient: others[half % others.length],
    site: shared.sites[half % shared.sites.length],
    contractedResident: false,
  };
}

export function create() {
  const warm = exec.scenario.name === 'warmup';
  // Iterations of both scenarios share one numbering of request ids and fresh patients.
  const i = exec.scenario.iterationInTest + (warm ? 0 : 10_000_000);
  const { patient, site, contractedResident } = patientOf(i);
  if (!connected) {
    client.connect(shared.target, { plaintext: true, timeout: '10s' });
    connected = true;
  }
  const started = Date.now();
  const response = client.invoke(
    `${SERVICE}/CreateReferral`,
    {
      clientRequestId: runUuid(shared.runId, REFERRAL_ID_KIND.create, i),
      patientResidentId: patient,
      referringInstitutionId: site,
      receivingInstitutionId: shared.institutionId,
      receivingDepartmentId: shared.departmentId,
      direction: 'REFERRAL_DIRECTION_UPWARD',
      icd10Code: 'I10',
      indicationCodes: ['HTN_SEVERE'],
      reason: `规律治疗下血压仍≥180/110 mmHg，上转心血管内科（转诊创建压测 ${MARKER}）`,
    },
    {
      metadata: { authorization: `Bearer ${shared.siteTokens[site]}` },
      timeout: SETTINGS.callDeadline,
      discardResponseMessage: true,
    },
  );
  const ms = Date.now() - started;
  if (response.status !== grpc.StatusOK) {
    createErrors.add(1);
    const kind = `status ${response.status}`;
    if (!logged.has(kind)) {
      logged.add(kind);
      console.warn(`CreateReferral answered ${describeFailure(grpc, response)}`);
    }
    return;
  }
  if (warm) {
    warmupCreated.add(1);
    return;
  }
  created.add(1);
  if (contractedResident) createdContracted.add(1);
  latency.add(ms);
}

export function handleSummary(data) {
  const count = (name) => metricValue(data, name, 'count');
  const latencyOf = (stat) => metricValue(data, 'create_latency', stat);
  const summary = {
    settings: SETTINGS,
    counts: {
      created: count('create_ok'),
      contracted: count('create_ok_contracted'),
      warmup: count('create_warmup_ok'),
      errors: count('create_errors'),
    },
    perSecond: count('create_ok') / SETTINGS.seconds,
    latencyMs: {
      p50: latencyOf('p(50)'),
      p90: latencyOf('p(90)'),
      p95: latencyOf('p(95)'),
      p99: latencyOf('p(99)'),
      max: latencyOf('max'),
    },
  };
  const out = {
    stdout: `CreateReferral: ${summary.counts.created} created in ${SETTINGS.seconds} s by ${SETTINGS.vus} callers (${summary.perSecond.toFixed(1)}/s), ${summary.counts.errors} refused; p50 ${summary.latencyMs.p50.toFixed(1)}  p95 ${summary.latencyMs.p95.toFixed(1)}  p99 ${summary.latencyMs.p99.toFixed(1)} ms\n`,
  };
  if (SETTINGS.summaryOut) out[SETTINGS.summaryOut] = JSON.stringify(summary, null, 2);
  return out;
}
