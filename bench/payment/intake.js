// Claim intake over gRPC at a steady, modest rate while the month before is settled: SubmitClaim of outpatient
// visits dated in the NEXT month (the month the run does not lock) at the groups' institutions, for residents of
// the seeded city. A benchmark, not a test: scripts/bench-payment.sh runs it with --out csv and reads each call's
// latency by when it was made (before the run: the baseline; during the run: what intake pays for it).
//
// Settings (environment):
//   BENCH_PLAN            plan JSON written by the runner (required): target, sites [{ token }], residents [ids],
//                         dates [YYYY-MM-DD], runId
//   BENCH_INTAKE_RATE=20  claims a second
//   BENCH_INTAKE_S=600    seconds (the runner stops k6 once the run is over)
//   BENCH_PROTO_DIR       the repository's proto/
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import grpc from 'k6/net/grpc';
import { envInt, PROTO_DIR, readJsonFromEnv } from '../scheduling/lib/common.js';

const plan = readJsonFromEnv('BENCH_PLAN');
const RATE = envInt('BENCH_INTAKE_RATE', 20);

export const options = {
  scenarios: {
    intake: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: `${envInt('BENCH_INTAKE_S', 600)}s`,
      preAllocatedVUs: Math.max(4, RATE),
      maxVUs: Math.max(8, RATE * 4),
      gracefulStop: '10s',
    },
  },
  systemTags: ['status'],
  summaryTrendStats: ['avg', 'med', 'p(95)', 'p(99)', 'max', 'count'],
};

const latency = new Trend('intake_latency', true);
const ok = new Counter('intake_ok');
const errors = new Counter('intake_errors');

const client = new grpc.Client();
client.load([PROTO_DIR], 'medgrid/payment/v1/claim_service.proto');
let connected = false;
let logged = false;

export default function () {
  if (!connected) {
    client.connect(plan.target, { plaintext: true, timeout: '10s' });
    connected = true;
  }
  const n = exec.scenario.iterationInTest;
  const site = plan.sites[n % plan.sites.length];
  const claim = {
    claimNumber: `BI-${plan.runId}-${n}`,
    residentId: plan.residents[(n * 7919) % plan.residents.length],
    serviceDate: plan.dates[n % plan.dates.length],
    encounter: 'ENCOUNTER_KIND_OUTPATIENT',
    inpatientDays: 0,
    lines: [{ code: 'LAB-HBA1C', kind: 'LINE_KIND_ITEM', quantity: 1, unitPrice: 30000, amount: 30000 }],
    principalDiagnosis: 'E11.900',
    diseaseGroup: 'E11',
    referralId: '',
    contracted: false,
  };
  const started = Date.now();
  const response = client.invoke(
    'medgrid.payment.v1.ClaimService/SubmitClaim',
    { clientRequestId: `${plan.runId.slice(0, 24)}${String(n).padStart(12, '0')}`, claim },
    { metadata: { authorization: `Bearer ${site.token}` }, timeout: '30s' },
  );
  latency.add(Date.now() - started);
  if (response && response.status === grpc.StatusOK) ok.add(1);
  else {
    errors.add(1);
    if (!logged) {
      logged = true;
      console.warn(`SubmitClaim failed: ${JSON.stringify(response && response.error)}`);
    }
  }
}
