// "Already done?" look-ups against a result registry of millions of results, as a k6 scenario over
// gRPC. A benchmark, not a test: CI does not run it. scripts/bench-lab-sharing.sh seeds the registry
// (bench/lab-sharing/*.sql), starts lab-sharing on it, writes the plan and runs this. By hand:
//
//   BENCH_PLAN=$PWD/.bench/lab-sharing/plan.json .cache/go-bin/k6 run bench/lab-sharing/already-done.js
//
// Each look-up is for a random seeded resident and a pool item (lib/registry-shape.js): BENCH_HIT_PCT
// of them (20) the resident's result still within its validity (the answer must offer it, with its
// recognition mark), BENCH_EXPIRED_PCT (40) an item the resident had done longer ago than its validity,
// the rest an item the resident never had done (both: nothing offered). Calls carry a primary site's
// token and x-purpose treatment, so the service authorises and audits each; the runner counts the
// audit rows. The arrival rate rises in steps (ramping-arrival-rate): BENCH_RATES look-ups per
// second, BENCH_STEP_S seconds each; every step is reported on its own.
//
// Settings (environment):
//   BENCH_PLAN               plan JSON written by the runner (required)
//   BENCH_RATES=250,500,750,1000,1250,1500   arrival rate of each step (look-ups per second)
//   BENCH_STEP_S=15          seconds per step (the first second of each ramps from the previous rate
//                            and is left out of the step's figures)
//   BENCH_VUS=200            pre-allocated VUs: at most this many calls in flight; a look-up that
//                            arrives when all wait is dropped, and reported as dropped
//   BENCH_WARMUP_S=10  BENCH_WARMUP_RATE=100   a warm-up first (JIT, connection pool): its look-ups
//                            are answered, checked and audited, but not in the steps' figures
//   BENCH_DEADLINE=5s        gRPC deadline of each call
//   BENCH_HIT_PCT=20  BENCH_EXPIRED_PCT=40   the look-up mix, in whole percent
//   BENCH_SEED=1             seed of the look-up mix
//   BENCH_SUMMARY_OUT        where handleSummary writes the JSON summary
//   BENCH_PROTO_DIR          the repository's proto/ (default ../../proto, relative to this file)
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import grpc from 'k6/net/grpc';
import {
  describeFailure,
  envInt,
  envString,
  PROTO_DIR,
  prng,
  readJsonFromEnv,
  runUuid,
} from '../scheduling/lib/common.js';
import { chooseLookup, residentId } from './lib/registry-shape.js';

const plan = readJsonFromEnv('BENCH_PLAN');
/** The kind numbers in this run's client request ids (lib/common.js runUuid), per scenario. */
const ID_KINDS = { warmup: 6, lookups: 5 };

const SETTINGS = {
  rates: envString('BENCH_RATES', '250,500,750,1000,1250,1500')
    .split(',')
    .map((r) => Number(r.trim())),
  stepSeconds: envInt('BENCH_STEP_S', 15),
  warmupSeconds: envInt('BENCH_WARMUP_S', 10),
  warmupRate: envInt('BENCH_WARMUP_RATE', 100),
  vus: Math.max(1, envInt('BENCH_VUS', 200)),
  deadline: envString('BENCH_DEADLINE', '5s'),
  hitPct: envInt('BENCH_HIT_PCT', 20),
  expiredPct: envInt('BENCH_EXPIRED_PCT', 40),
  seed: envInt('BENCH_SEED', 1),
  summaryOut: envString('BENCH_SUMMARY_OUT', ''),
};
if (SETTINGS.rates.length === 0 || SETTINGS.rates.some((r) => !Number.isInteger(r) || r < 1)) {
  throw new Error('BENCH_RATES must list whole look-ups per second, e.g. 250,500,1000');
}
if (SETTINGS.stepSeconds < 2) throw new Error('BENCH_STEP_S must be at least 2');
if (SETTINGS.hitPct + SETTINGS.expiredPct > 100) throw new Error('BENCH_HIT_PCT + BENCH_EXPIRED_PCT > 100');

/** Targets on the 2-core development machine (README "Benchmark: already done?"). */
const TARGETS = { lookupsPerSecond: 1000, p99Ms: 50 };

const SHAPE = {
  residents: plan.residents,
  perResident: plan.resultsPerResident,
  items: plan.items.length,
  hitShare: SETTINGS.hitPct / 100,
  expiredShare: SETTINGS.expiredPct / 100,
};
const STEPS = SETTINGS.rates.length;

// ---- scenario: a staircase of arrival rates --------------------------------------------------

const stages = [];
for (const rate of SETTINGS.rates) {
  stages.push({ target: rate, duration: '1s' });
  stages.push({ target: rate, duration: `${SETTINGS.stepSeconds - 1}s` });
}

// A threshold per step makes k6 keep that step's sub-metrics for handleSummary (never failing).
const thresholds = { 'lookup_ok{step:warmup}': ['count>=0'], 'lookup_ok{step:ramp}': ['count>=0'] };
for (let s = 0; s < STEPS; s++) {
  thresholds[`lookup_latency{step:${s}}`] = ['max>=0'];
  thresholds[`lookup_ok{step:${s}}`] = ['count>=0'];
  thresholds[`lookup_attempts{step:${s}}`] = ['count>=0'];
  thresholds[`lookup_errors{step:${s}}`] = ['count>=0'];
}

// The warm-up (JIT, the connection pool, plan caches) is answered, checked and audited like every
// look-up, but left out of the steps' rates and latencies.
const warmup =
  SETTINGS.warmupSeconds > 0
    ? {
        warmup: {
          executor: 'constant-arrival-rate',
          rate: SETTINGS.warmupRate,
          timeUnit: '1s',
          duration: `${SETTINGS.warmupSeconds}s`,
          preAllocatedVUs: Math.min(SETTINGS.vus, 50),
          maxVUs: SETTINGS.vus,
          gracefulStop: '5s',
        },
      }
    : {};

export const options = {
  scenarios: {
    ...warmup,
    lookups: {
      startTime: `${SETTINGS.warmupSeconds > 0 ? SETTINGS.warmupSeconds + 5 : 0}s`,
      executor: 'ramping-arrival-rate',
      startRate: Math.min(SETTINGS.rates[0], 50),
      timeUnit: '1s',
      stages,
      preAllocatedVUs: SETTINGS.vus,
      maxVUs: SETTINGS.vus,
      gracefulStop: '30s',
    },
  },
  thresholds,
  // Only the tags the summary reads: every tag set is a time series k6 keeps, and k6 shares the cores.
  systemTags: ['scenario', 'status'],
  summaryTrendStats: ['avg', 'min', 'med', 'p(50)', 'p(95)', 'p(99)', 'max', 'count'],
};

// ---- metrics -------------------------------------------------------------------------------

const attempts = new Counter('lookup_attempts');
const ok = new Counter('lookup_ok');
const errors = new Counter('lookup_errors');
const hitsAnswered = new Counter('lookup_hits_answered');
const wrongAnswers = new Counter('lookup_wrong_answers');
const latency = new Trend('lookup_latency', true);
const errorLatency = new Trend('lookup_error_latency', true);
const answeredAt = new Trend('lookup_answered_at', true);

// ---- the call --------------------------------------------------------------------------------

const client = new grpc.Client();
client.load(
  [PROTO_DIR],
  'medgrid/lab_sharing/v1/recognition_service.proto',
  'google/rpc/error_details.proto',
);
let connected = false;
const logged = new Set();

function logFirst(kind, line) {
  // A sample of each failure kind from the first VUs, not one line per failed call.
  if (logged.has(kind) || exec.vu.idInTest > 5) return;
  logged.add(kind);
  console.warn(line);
}

const METHOD = 'medgrid.lab_sharing.v1.RecognitionService/LookUpResults';

/** Look-up `index`'s request: a client request id of its own (the look-up is a recorded write). */
function lookupRequest(a, index) {
  return {
    clientRequestId: runUuid(plan.runId, ID_KINDS[exec.scenario.name], index),
    patientResidentId: residentId(a.n),
    itemCode: plan.items[a.item],
  };
}

export default function () {
  const index = exec.scenario.iterationInTest;
  const warm = exec.scenario.name === 'warmup';
  const elapsed = Date.now() - exec.scenario.startTime;
  const stepIndex = Math.min(STEPS - 1, Math.floor(elapsed / (SETTINGS.stepSeconds * 1000)));
  // A step's figures are its steady seconds: its first second ramps from the previous rate.
  const ramping = elapsed - stepIndex * SETTINGS.stepSeconds * 1000 < 1000;
  const step = warm ? 'warmup' : ramping ? 'ramp' : String(stepIndex);
  const a = chooseLookup(prng(SETTINGS.seed * 1000003 + index + (warm ? 500000000 : 0)), SHAPE);
  const site = plan.sites[index % plan.sites.length];
  const tags = { step, kind: a.kind };
  attempts.add(1, tags);
  let started = Date.now();
  let response;
  try {
    if (!connected) {
      client.connect(plan.target, { plaintext: true, timeout: '10s' });
      connected = true;
      started = Date.now();
    }
    response = client.invoke(METHOD, lookupRequest(a, index), {
      metadata: { authorization: `Bearer ${site.token}`, 'x-purpose': 'treatment' },
      timeout: SETTINGS.deadline,
      tags,
    });
  } catch (error) {
    errors.add(1, tags);
    errorLatency.add(Date.now() - started, tags);
    if (!warm) answeredAt.add(Date.now() - exec.scenario.startTime);
    logFirst('exception', `${METHOD} could not be called: ${error}`);
    return;
  }
  const ms = Date.now() - started;
  if (!warm) answeredAt.add(Date.now() - exec.scenario.startTime);
  if (response.status !== grpc.StatusOK) {
    errors.add(1, tags);
    errorLatency.add(ms, tags);
    logFirst(
      `status ${response.status}`,
      `${METHOD} (${a.kind}) answered ${describeFailure(grpc, response)}`,
    );
    return;
  }
  ok.add(1, tags);
  if (!warm) latency.add(ms, tags);
  const lookup = response.message && response.message.lookup;
  const found = lookup && Array.isArray(lookup.offered) ? lookup.offered.length : 0;
  if (found > 0) hitsAnswered.add(1, tags);
  if ((a.kind === 'hit') !== found > 0) {
    wrongAnswers.add(1, tags);
    logFirst(
      `wrong ${a.kind}`,
      `look-up ${index} (${a.kind}: resident ${a.n}, item ${plan.items[a.item]}) offered ${found} results`,
    );
  }
}

// ---- summary -------------------------------------------------------------------------------

function metric(data, name, stat) {
  const m = data.metrics[name];
  return m && m.values[stat] !== undefined ? m.values[stat] : 0;
}

function percentiles(data, name) {
  return {
    count: metric(data, name, 'count'),
    p50: metric(data, name, 'p(50)'),
    p95: metric(data, name, 'p(95)'),
    p99: metric(data, name, 'p(99)'),
    max: metric(data, name, 'max'),
  };
}

const fmt = (n, digits = 0) => Number(n).toFixed(digits);
const verdict = (t) => (t.met === null ? `n/a: ${t.why}` : t.met ? 'met' : 'MISSED');

export function handleSummary(data) {
  const steps = SETTINGS.rates.map((rate, s) => {
    const answered = metric(data, `lookup_ok{step:${s}}`, 'count');
    const made = metric(data, `lookup_attempts{step:${s}}`, 'count');
    return {
      offeredPerSecond: rate,
      attempts: made,
      // The steady seconds only: the first second of a step ramps from the previous rate (step "ramp").
      answered,
      errors: metric(data, `lookup_errors{step:${s}}`, 'count'),
      perSecond: answered / (SETTINGS.stepSeconds - 1),
      latencyMs: percentiles(data, `lookup_latency{step:${s}}`),
    };
  });
  const windowSeconds = metric(data, 'lookup_answered_at', 'max') / 1000;
  const measured = steps.reduce((n, s) => n + s.answered, metric(data, 'lookup_ok{step:ramp}', 'count'));
  const counts = {
    attempts: metric(data, 'lookup_attempts', 'count'),
    dropped: metric(data, 'dropped_iterations', 'count'),
    ok: metric(data, 'lookup_ok', 'count'),
    errors: metric(data, 'lookup_errors', 'count'),
    warmup: metric(data, 'lookup_ok{step:warmup}', 'count'),
    ramp: metric(data, 'lookup_ok{step:ramp}', 'count'),
    hitsAnswered: metric(data, 'lookup_hits_answered', 'count'),
    wrongAnswers: metric(data, 'lookup_wrong_answers', 'count'),
  };
  // The best step whose p99 stays under the target: what the service sustains within it.
  const withinLatency = steps.filter((s) => s.answered > 0 && s.latencyMs.p99 < TARGETS.p99Ms);
  const best = withinLatency.reduce((b, s) => (!b || s.perSecond > b.perSecond ? s : b), null);
  const peak = steps.reduce((b, s) => (!b || s.perSecond > b.perSecond ? s : b), null);
  const maxOffered = Math.max(...SETTINGS.rates);
  const targets = {
    lookupsPerSecondWithinP99: {
      target: `${TARGETS.lookupsPerSecond}/s with p99 < ${TARGETS.p99Ms} ms`,
      value: best ? best.perSecond : 0,
      // Judged only when the run offered that rate.
      met:
        maxOffered < TARGETS.lookupsPerSecond
          ? null
          : best !== null && best.perSecond >= TARGETS.lookupsPerSecond,
      why: maxOffered < TARGETS.lookupsPerSecond ? `at most ${maxOffered}/s offered` : undefined,
    },
  };
  const overall = percentiles(data, 'lookup_latency');
  const summary = {
    benchmark: 'lab-sharing already done?',
    finishedAt: new Date().toISOString(),
    run: {
      target: plan.target,
      method: METHOD,
      residents: plan.residents,
      results: plan.results,
      resultsPerResident: plan.resultsPerResident,
      items: plan.items.length,
      sites: plan.sites.length,
      settings: SETTINGS,
    },
    counts,
    hitShare: counts.ok > 0 ? counts.hitsAnswered / counts.ok : 0,
    overall: {
      windowSeconds,
      perSecond: windowSeconds > 0 ? measured / windowSeconds : 0,
      latencyMs: overall,
    },
    steps,
    best,
    peak,
    errorLatencyMs: percentiles(data, 'lookup_error_latency'),
    targets,
    testRunDurationMs: data.state.testRunDurationMs,
  };

  const l = (x) =>
    `p50 ${fmt(x.p50, 1)}  p95 ${fmt(x.p95, 1)}  p99 ${fmt(x.p99, 1)}  max ${fmt(x.max, 1)} ms`;
  const lines = [
    '',
    `already done?: ${METHOD} on ${plan.results} results of ${plan.residents} residents ` +
      `(${plan.items.length} items, ${plan.sites.length} ordering sites); ` +
      `${SETTINGS.hitPct}% hits, ${SETTINGS.expiredPct}% expired, ${100 - SETTINGS.hitPct - SETTINGS.expiredPct}% never done`,
    '  offered/s  answered/s  errors  latency',
    ...steps.map(
      (s) =>
        `  ${String(s.offeredPerSecond).padStart(9)}  ${fmt(s.perSecond, 1).padStart(10)}  ${String(s.errors).padStart(6)}  ${l(s.latencyMs)}`,
    ),
    `  look-ups made ${counts.attempts}` +
      (counts.dropped > 0 ? ` (${counts.dropped} DROPPED: all ${SETTINGS.vus} VUs were waiting)` : '') +
      `, answered ${counts.ok}` +
      (counts.warmup > 0
        ? ` (${counts.warmup} in the ${SETTINGS.warmupSeconds} s warm-up, not in the steps)`
        : '') +
      `, ${counts.ramp} in the steps' ramping first seconds (not in their figures)` +
      `, errors ${counts.errors}`,
    `  answers offering a result ${counts.hitsAnswered} (${fmt(100 * summary.hitShare, 1)}% of answers); ` +
      `answers not as seeded ${counts.wrongAnswers}`,
    `  all steps: ${fmt(summary.overall.perSecond, 1)} look-ups/s over ${fmt(windowSeconds, 1)} s, ${l(overall)}`,
    `  peak: ${peak ? `${fmt(peak.perSecond, 1)} look-ups/s (offered ${peak.offeredPerSecond}/s), ${l(peak.latencyMs)}` : 'none'}`,
    `  best step within p99 < ${TARGETS.p99Ms} ms: ` +
      (best
        ? `${fmt(best.perSecond, 1)} look-ups/s (offered ${best.offeredPerSecond}/s), ${l(best.latencyMs)}`
        : 'none') +
      `   [>= ${TARGETS.lookupsPerSecond}/s: ${verdict(targets.lookupsPerSecondWithinP99)}]`,
    '',
  ];
  const out = { stdout: lines.join('\n') };
  if (SETTINGS.summaryOut) out[SETTINGS.summaryOut] = JSON.stringify(summary, null, 2);
  return out;
}
