// CheckPrescription against a group catalogue of 20,000 drugs and 100 institutions' formularies, as a k6 scenario
// over gRPC. A benchmark, not a test: CI does not run it. scripts/bench-pharmacy.sh seeds the database
// (bench/pharmacy/seed.sql), starts pharmacy on it, writes the plan and runs this. By hand:
//
//   BENCH_PLAN=$PWD/.bench/pharmacy/plan.json .cache/go-bin/k6 run bench/pharmacy/check-prescription.js
//
// Each check is a prescription of lib/shape.js's mix, from one of the plan's institutions (its staff's token,
// x-purpose prescribing): 1-8 lines, mostly drugs the institution stocks, some non-essential products with
// essential alternatives, some any drug of the catalogue; long prescriptions for contracted chronic patients
// (accepted), long ones for residents without a contract (capped), some over the maximum. Every answer is checked
// against the plan (the contract as seeded, a long line accepted or capped as the patient allows), and the findings
// counted so the runner compares them with what the service recorded. The arrival rate rises in steps
// (ramping-arrival-rate): BENCH_RATES checks a second, BENCH_STEP_S seconds each, each step reported on its own.
//
// What every answered check must have been recorded with is known from the request and the seed (its lines, which
// of them are essential or volume-based, which ask for more than 30 days); the answers themselves are read and
// checked against the seed for one check in BENCH_VERIFY_EVERY (the others are not decoded: decoding an answer and
// turning it into a JavaScript object was about a quarter of k6's CPU, which shares the two cores with the service).
//
// Settings (environment):
//   BENCH_PLAN               plan JSON written by the runner (required)
//   BENCH_RATES=250,500,750,1000,1250,1500   arrival rate of each step (checks per second)
//   BENCH_STEP_S=15          seconds per step (its first second ramps and is left out of its figures)
//   BENCH_VUS=200            pre-allocated VUs: at most this many calls in flight (beyond: dropped, reported)
//   BENCH_WARMUP_S=10  BENCH_WARMUP_RATE=100   a warm-up (JIT, pool, caches): checked and recorded, not in the steps
//   BENCH_DEADLINE=5s        gRPC deadline of each call
//   BENCH_CONTRACTED_PCT=30  BENCH_NON_ESSENTIAL_PCT=8  BENCH_ANY_PCT=7  BENCH_LONG_PCT=15  BENCH_OVER_PCT=3
//   BENCH_SEED=1             seed of the mix
//   BENCH_VERIFY_EVERY=5     read and check every answer of one check in this many (1: every check)
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
} from '../scheduling/lib/common.js';
import { choosePrescription, essentialDrug, volumeBasedDrug } from './lib/shape.js';

const plan = readJsonFromEnv('BENCH_PLAN');

const SETTINGS = {
  rates: envString('BENCH_RATES', '250,500,750,1000,1250,1500')
    .split(',')
    .map((r) => Number(r.trim())),
  stepSeconds: envInt('BENCH_STEP_S', 15),
  warmupSeconds: envInt('BENCH_WARMUP_S', 10),
  warmupRate: envInt('BENCH_WARMUP_RATE', 100),
  vus: Math.max(1, envInt('BENCH_VUS', 200)),
  deadline: envString('BENCH_DEADLINE', '5s'),
  seed: envInt('BENCH_SEED', 1),
  verifyEvery: Math.max(1, envInt('BENCH_VERIFY_EVERY', 5)),
  summaryOut: envString('BENCH_SUMMARY_OUT', ''),
};
if (SETTINGS.rates.length === 0 || SETTINGS.rates.some((r) => !Number.isInteger(r) || r < 1)) {
  throw new Error('BENCH_RATES must list whole checks per second, e.g. 250,500,1000');
}
if (SETTINGS.stepSeconds < 2) throw new Error('BENCH_STEP_S must be at least 2');

/** Targets on the 2-core development machine (README "Pharmacy benchmark"). */
const TARGETS = { checksPerSecond: 1000, p99Ms: 50 };

const SHAPE = {
  drugs: plan.drugs,
  residents: plan.residents,
  contracted: plan.contracted,
  primaryStock: plan.primaryStock,
  hospitalStock: plan.hospitalStock,
  contractedPct: envInt('BENCH_CONTRACTED_PCT', 30),
  nonEssentialPct: envInt('BENCH_NON_ESSENTIAL_PCT', 8),
  anyPct: envInt('BENCH_ANY_PCT', 7),
  longPct: envInt('BENCH_LONG_PCT', 15),
  overPct: envInt('BENCH_OVER_PCT', 3),
};
const STEPS = SETTINGS.rates.length;

const stages = [];
for (const rate of SETTINGS.rates) {
  stages.push({ target: rate, duration: '1s' });
  stages.push({ target: rate, duration: `${SETTINGS.stepSeconds - 1}s` });
}

// A threshold per step makes k6 keep that step's sub-metrics for handleSummary (never failing).
const thresholds = { 'check_ok{step:warmup}': ['count>=0'], 'check_ok{step:ramp}': ['count>=0'] };
for (let s = 0; s < STEPS; s++) {
  thresholds[`check_latency{step:${s}}`] = ['max>=0'];
  thresholds[`check_ok{step:${s}}`] = ['count>=0'];
  thresholds[`check_attempts{step:${s}}`] = ['count>=0'];
  thresholds[`check_errors{step:${s}}`] = ['count>=0'];
}

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
    checks: {
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
  systemTags: ['scenario', 'status'],
  summaryTrendStats: ['avg', 'min', 'med', 'p(50)', 'p(95)', 'p(99)', 'max', 'count'],
};

const attempts = new Counter('check_attempts');
const ok = new Counter('check_ok');
const errors = new Counter('check_errors');
// Of every answered check, from its request and the seed: what its record must hold.
const linesAnswered = new Counter('check_lines_answered');
const essentialAnswered = new Counter('check_essential_lines');
const volumeBasedAnswered = new Counter('check_volume_based_lines');
const longLines = new Counter('check_long_lines');
// Of the checks whose answers were read.
const verified = new Counter('check_verified');
const longAccepted = new Counter('check_long_accepted');
const longCapped = new Counter('check_long_capped');
const wrongAnswers = new Counter('check_wrong_answers');
const latency = new Trend('check_latency', true);
const errorLatency = new Trend('check_error_latency', true);
const answeredAt = new Trend('check_answered_at', true);

const client = new grpc.Client();
client.load([PROTO_DIR], 'medgrid/pharmacy/v1/prescribing_service.proto', 'google/rpc/error_details.proto');
let connected = false;
const logged = new Set();

function logFirst(kind, line, anyVu = false) {
  // A sample of each failure kind from the first VUs (a wrong answer from any), not one line per failed call.
  if (logged.has(kind) || (!anyVu && exec.vu.idInTest > 5)) return;
  logged.add(kind);
  console.warn(line);
}

const METHOD = 'medgrid.pharmacy.v1.PrescribingService/CheckPrescription';

/** Whether the answer is what the seed says: the contract as seeded, each long line accepted only for a contract. */
function wrong(p, message) {
  // A resident seeded without a contract may hold one in the demo city the service learnt from the registry's
  // topics (the same identity numbers): only a seeded contract must be seen, and the days are judged by the answer's.
  if (p.contracted && !message.contractedResident) return 'contract';
  const contracted = message.contractedResident;
  const lines = message.lines || [];
  if (lines.length !== p.lines.length) return 'lines';
  for (let l = 0; l < lines.length; l++) {
    const drug = lines[l].drug;
    if (!drug) return 'not in catalogue';
    if (!!drug.essential !== essentialDrug(p.drugs[l])) return 'essential';
    if (!!drug.volumeBased !== volumeBasedDrug(p.drugs[l])) return 'volume-based';
    const days = p.lines[l].daysOfSupply;
    const codes = (lines[l].findings || []).map((f) => f.code);
    if (days > 84 && !codes.includes('DAYS_OF_SUPPLY_OVER_MAXIMUM')) return 'over-maximum';
    if (
      days > 30 &&
      days <= 84 &&
      !codes.includes(contracted ? 'LONG_PRESCRIPTION' : 'DAYS_OF_SUPPLY_CAPPED')
    ) {
      return 'long';
    }
  }
  return null;
}

export default function () {
  // Read once: each read of exec.scenario builds a new object of every field (4% of k6's CPU read four times).
  const scenario = exec.scenario;
  const index = scenario.iterationInTest;
  const warm = scenario.name === 'warmup';
  const elapsed = Date.now() - scenario.startTime;
  const stepIndex = Math.min(STEPS - 1, Math.floor(elapsed / (SETTINGS.stepSeconds * 1000)));
  const ramping = elapsed - stepIndex * SETTINGS.stepSeconds * 1000 < 1000;
  const step = warm ? 'warmup' : ramping ? 'ramp' : String(stepIndex);
  const random = prng(SETTINGS.seed * 1000003 + index + (warm ? 500000000 : 0));
  const institution = plan.institutions[Math.floor(random() * plan.institutions.length)];
  const p = choosePrescription(random, institution, SHAPE);
  const tags = { step };
  const verify = index % SETTINGS.verifyEvery === 0;
  attempts.add(1, tags);
  let started = Date.now();
  let response;
  try {
    if (!connected) {
      client.connect(plan.target, { plaintext: true, timeout: '10s' });
      connected = true;
      started = Date.now();
    }
    response = client.invoke(
      METHOD,
      {
        patientResidentId: p.patientResidentId,
        diagnosisCodes: p.diagnosisCodes,
        stable: true,
        regimenUnchanged: true,
        lines: p.lines,
      },
      {
        metadata: { authorization: `Bearer ${institution.token}`, 'x-purpose': 'prescribing' },
        timeout: SETTINGS.deadline,
        tags,
        discardResponseMessage: !verify,
      },
    );
  } catch (error) {
    errors.add(1, tags);
    errorLatency.add(Date.now() - started, tags);
    if (!warm) answeredAt.add(Date.now() - scenario.startTime);
    logFirst('exception', `${METHOD} could not be called: ${error}`);
    return;
  }
  const ms = Date.now() - started;
  if (!warm) answeredAt.add(Date.now() - scenario.startTime);
  if (response.status !== grpc.StatusOK) {
    errors.add(1, tags);
    errorLatency.add(ms, tags);
    logFirst(`status ${response.status}`, `${METHOD} answered ${describeFailure(grpc, response)}`);
    return;
  }
  ok.add(1, tags);
  if (!warm) latency.add(ms, tags);
  let essential = 0;
  let volumeBased = 0;
  let long = 0;
  for (let l = 0; l < p.lines.length; l++) {
    if (essentialDrug(p.drugs[l])) essential++;
    if (volumeBasedDrug(p.drugs[l])) volumeBased++;
    if (p.lines[l].daysOfSupply > 30) long++;
  }
  linesAnswered.add(p.lines.length);
  essentialAnswered.add(essential);
  volumeBasedAnswered.add(volumeBased);
  longLines.add(long);
  if (!verify) return;
  verified.add(1);
  const message = response.message || {};
  let accepted = 0;
  let capped = 0;
  for (const line of message.lines || []) {
    for (const f of line.findings || []) {
      if (f.code === 'LONG_PRESCRIPTION') accepted++;
      if (f.code === 'DAYS_OF_SUPPLY_CAPPED' || f.code === 'DAYS_OF_SUPPLY_OVER_MAXIMUM') capped++;
    }
  }
  longAccepted.add(accepted);
  longCapped.add(capped);
  const why = wrong(p, message);
  if (why) {
    wrongAnswers.add(1, tags);
    logFirst(
      `wrong ${why}`,
      `check ${index} at ${institution.id} for ${JSON.stringify(p)}: not as seeded (${why}): ${JSON.stringify(message).slice(0, 1500)}`,
      true,
    );
  }
}

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
    const answered = metric(data, `check_ok{step:${s}}`, 'count');
    return {
      offeredPerSecond: rate,
      attempts: metric(data, `check_attempts{step:${s}}`, 'count'),
      answered,
      errors: metric(data, `check_errors{step:${s}}`, 'count'),
      perSecond: answered / (SETTINGS.stepSeconds - 1),
      latencyMs: percentiles(data, `check_latency{step:${s}}`),
    };
  });
  const windowSeconds = metric(data, 'check_answered_at', 'max') / 1000;
  const measured = steps.reduce((n, s) => n + s.answered, metric(data, 'check_ok{step:ramp}', 'count'));
  const counts = {
    attempts: metric(data, 'check_attempts', 'count'),
    dropped: metric(data, 'dropped_iterations', 'count'),
    ok: metric(data, 'check_ok', 'count'),
    errors: metric(data, 'check_errors', 'count'),
    warmup: metric(data, 'check_ok{step:warmup}', 'count'),
    ramp: metric(data, 'check_ok{step:ramp}', 'count'),
    lines: metric(data, 'check_lines_answered', 'count'),
    essentialLines: metric(data, 'check_essential_lines', 'count'),
    volumeBasedLines: metric(data, 'check_volume_based_lines', 'count'),
    longLines: metric(data, 'check_long_lines', 'count'),
    verified: metric(data, 'check_verified', 'count'),
    longAcceptedVerified: metric(data, 'check_long_accepted', 'count'),
    longCappedVerified: metric(data, 'check_long_capped', 'count'),
    wrongAnswers: metric(data, 'check_wrong_answers', 'count'),
  };
  const withinLatency = steps.filter((s) => s.answered > 0 && s.latencyMs.p99 < TARGETS.p99Ms);
  const best = withinLatency.reduce((b, s) => (!b || s.perSecond > b.perSecond ? s : b), null);
  const peak = steps.reduce((b, s) => (!b || s.perSecond > b.perSecond ? s : b), null);
  const maxOffered = Math.max(...SETTINGS.rates);
  const targets = {
    checksPerSecondWithinP99: {
      target: `${TARGETS.checksPerSecond}/s with p99 < ${TARGETS.p99Ms} ms`,
      value: best ? best.perSecond : 0,
      met:
        maxOffered < TARGETS.checksPerSecond
          ? null
          : best !== null && best.perSecond >= TARGETS.checksPerSecond,
      why: maxOffered < TARGETS.checksPerSecond ? `at most ${maxOffered}/s offered` : undefined,
    },
  };
  const overall = percentiles(data, 'check_latency');
  const summary = {
    benchmark: 'pharmacy CheckPrescription',
    finishedAt: new Date().toISOString(),
    run: {
      target: plan.target,
      method: METHOD,
      drugs: plan.drugs,
      institutions: plan.institutions.length,
      contracted: plan.contracted,
      residents: plan.residents,
      settings: SETTINGS,
      shape: SHAPE,
    },
    counts,
    overall: {
      windowSeconds,
      perSecond: windowSeconds > 0 ? measured / windowSeconds : 0,
      latencyMs: overall,
    },
    steps,
    best,
    peak,
    errorLatencyMs: percentiles(data, 'check_error_latency'),
    targets,
    testRunDurationMs: data.state.testRunDurationMs,
  };

  const l = (x) =>
    `p50 ${fmt(x.p50, 1)}  p95 ${fmt(x.p95, 1)}  p99 ${fmt(x.p99, 1)}  max ${fmt(x.max, 1)} ms`;
  const lines = [
    '',
    `CheckPrescription: ${METHOD}, a catalogue of ${plan.drugs} drugs a group, ${plan.institutions.length} institutions; ` +
      `${SHAPE.contractedPct}% contracted chronic patients, 1-8 lines`,
    '  offered/s  checks/s  errors  latency',
    ...steps.map(
      (s) =>
        `  ${String(s.offeredPerSecond).padStart(9)}  ${fmt(s.perSecond, 1).padStart(8)}  ${String(s.errors).padStart(6)}  ${l(s.latencyMs)}`,
    ),
    `  checks made ${counts.attempts}` +
      (counts.dropped > 0 ? ` (${counts.dropped} DROPPED: all ${SETTINGS.vus} VUs were waiting)` : '') +
      `, answered ${counts.ok}` +
      (counts.warmup > 0
        ? ` (${counts.warmup} in the ${SETTINGS.warmupSeconds} s warm-up, not in the steps)`
        : '') +
      `, ${counts.ramp} in the steps' ramping first seconds, errors ${counts.errors}`,
    `  lines ${counts.lines}: essential ${counts.essentialLines}, volume-based ${counts.volumeBasedLines}, ` +
      `over 30 days ${counts.longLines}; answers read ${counts.verified} (one in ${SETTINGS.verifyEvery}): ` +
      `long prescriptions accepted ${counts.longAcceptedVerified}, capped ${counts.longCappedVerified}, not as seeded ${counts.wrongAnswers}`,
    `  peak: ${peak ? `${fmt(peak.perSecond, 1)} checks/s (offered ${peak.offeredPerSecond}/s), ${l(peak.latencyMs)}` : 'none'}`,
    `  best step within p99 < ${TARGETS.p99Ms} ms: ` +
      (best
        ? `${fmt(best.perSecond, 1)} checks/s (offered ${best.offeredPerSecond}/s), ${l(best.latencyMs)}`
        : 'none') +
      `   [>= ${TARGETS.checksPerSecond}/s: ${verdict(targets.checksPerSecondWithinP99)}]`,
    '',
  ];
  const out = { stdout: lines.join('\n') };
  if (SETTINGS.summaryOut) out[SETTINGS.summaryOut] = JSON.stringify(summary, null, 2);
  return out;
}
