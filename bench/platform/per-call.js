// The platform's cost per call, as a k6 scenario over gRPC: medgrid.platform.v1.PlatformService/WhoAmI, which does
// no work of its own, against a service (every platform library on the path: token check, group claim, metrics,
// traces, logs, error mapping) and, in the same run, with the same token and load generator, against a bare
// @grpc/grpc-js server answering the same method (bench/platform/bare-server.mjs). A benchmark, not a test: CI does
// not run it. scripts/bench-platform.sh starts both servers, writes the plan and runs this. By hand:
//
//   BENCH_PLAN=$PWD/.bench/platform/plan.json .cache/go-bin/k6 run bench/platform/per-call.js
//
// Each target gets BENCH_VUS virtual users calling back to back (constant-vus: as many calls in flight as VUs, a
// closed loop, so calls/s is what the server sustains at that concurrency), BENCH_WARMUP_S seconds of warm-up (JIT,
// connections; answered and checked but not in the figures) then BENCH_DURATION_S seconds measured; the targets
// take turns, BENCH_GAP_S apart, never at once. Each VU has its own connection to each target. Every answer is
// checked against the identity the token names.
//
// Settings (environment):
//   BENCH_PLAN          plan JSON written by the runner (required): token, targets [{name, address, label}],
//                       expected {subject, role, institutionId, groupId}
//   BENCH_TARGETS       the plan's targets to call, in order (default: all of them)
//   BENCH_VUS=64  BENCH_DURATION_S=20  BENCH_WARMUP_S=5  BENCH_GAP_S=2  BENCH_DEADLINE=5s
//   BENCH_SUMMARY_OUT   where handleSummary writes the JSON summary
//   BENCH_PROTO_DIR     the repository's proto/ (default ../../proto, relative to this file)
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import grpc from 'k6/net/grpc';
import { describeFailure, envInt, envString, PROTO_DIR, readJsonFromEnv } from '../scheduling/lib/common.js';

const plan = readJsonFromEnv('BENCH_PLAN');
const METHOD = 'medgrid.platform.v1.PlatformService/WhoAmI';
/** The goal on the 2-core development machine: the platform keeps at least this share of a bare server's calls/s. */
const GOAL_RATIO = 0.6;

const SETTINGS = {
  vus: Math.max(1, envInt('BENCH_VUS', 64)),
  durationSeconds: Math.max(1, envInt('BENCH_DURATION_S', 20)),
  warmupSeconds: envInt('BENCH_WARMUP_S', 5),
  gapSeconds: envInt('BENCH_GAP_S', 2),
  deadline: envString('BENCH_DEADLINE', '5s'),
  summaryOut: envString('BENCH_SUMMARY_OUT', ''),
};
const wanted = envString('BENCH_TARGETS', plan.targets.map((t) => t.name).join(','))
  .split(',')
  .map((name) => name.trim());
const TARGETS = wanted.map((name) => {
  const target = plan.targets.find((t) => t.name === name);
  if (!target) throw new Error(`BENCH_TARGETS names ${name}, which the plan does not have`);
  return target;
});

// ---- scenarios: each target in turn, a warm-up then the measured seconds ----------------------

const SLOT = SETTINGS.warmupSeconds + SETTINGS.durationSeconds + SETTINGS.gapSeconds;
const scenarios = {};
/** Scenario name -> its target and phase, the tags of its calls. */
const phaseOf = {};
const thresholds = {};
const windows = [];
TARGETS.forEach((target, i) => {
  const start = i * SLOT;
  if (SETTINGS.warmupSeconds > 0) {
    scenarios[`${target.name}_warmup`] = {
      executor: 'constant-vus',
      vus: SETTINGS.vus,
      duration: `${SETTINGS.warmupSeconds}s`,
      startTime: `${start}s`,
      gracefulStop: '1s',
    };
    phaseOf[`${target.name}_warmup`] = { target: target.name, phase: 'warmup' };
  }
  scenarios[target.name] = {
    executor: 'constant-vus',
    vus: SETTINGS.vus,
    duration: `${SETTINGS.durationSeconds}s`,
    startTime: `${start + SETTINGS.warmupSeconds}s`,
    gracefulStop: '1s',
  };
  phaseOf[target.name] = { target: target.name, phase: 'measure' };
  windows.push({
    target: target.name,
    fromSeconds: start + SETTINGS.warmupSeconds,
    toSeconds: start + SETTINGS.warmupSeconds + SETTINGS.durationSeconds,
  });
  // A threshold per target makes k6 keep its sub-metrics for handleSummary (never failing).
  const tags = `target:${target.name},phase:measure`;
  thresholds[`grpc_req_duration{${tags}}`] = ['max>=0'];
  thresholds[`calls_ok{${tags}}`] = ['count>=0'];
  thresholds[`calls_failed{${tags}}`] = ['count>=0'];
  thresholds[`wrong_answers{${tags}}`] = ['count>=0'];
});

export const options = {
  scenarios,
  thresholds,
  // Only the tags the summary reads: every tag set is a time series k6 keeps, and k6 shares the cores.
  systemTags: ['scenario', 'status'],
  summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(99)', 'max', 'count'],
};

// ---- the call --------------------------------------------------------------------------------

const ok = new Counter('calls_ok');
const failed = new Counter('calls_failed');
const wrong = new Counter('wrong_answers');

// One client per target (proto loaded in the init context); k6 hands a VU from one scenario to the next, so a VU
// keeps the connection of the target it calls and closes the other's.
const clients = {};
for (const target of TARGETS) {
  clients[target.name] = new grpc.Client();
  clients[target.name].load([PROTO_DIR], 'medgrid/platform/v1/platform_service.proto');
}
let connectedTo = null;
const logged = new Set();
const params = { metadata: { authorization: `Bearer ${plan.token}` }, timeout: SETTINGS.deadline };

function logFirst(kind, line) {
  // A sample of each failure kind, not one line per failed call.
  if (logged.has(kind) || exec.vu.idInTest > 4) return;
  logged.add(kind);
  console.warn(line);
}

export function setup() {
  // The scenarios' clock starts when setup returns: the runner reads the measured windows against its own samples.
  return { startedAt: Date.now() };
}

export default function () {
  const tags = phaseOf[exec.scenario.name];
  const name = tags.target;
  const client = clients[name];
  if (connectedTo !== name) {
    if (connectedTo !== null) clients[connectedTo].close();
    const target = TARGETS.find((t) => t.name === name);
    client.connect(target.address, { plaintext: true, timeout: '10s' });
    connectedTo = name;
  }
  let response;
  try {
    response = client.invoke(METHOD, {}, { ...params, tags });
  } catch (error) {
    failed.add(1, tags);
    logFirst(`${name} exception`, `${METHOD} on ${name} could not be called: ${error}`);
    return;
  }
  if (response.status !== grpc.StatusOK) {
    failed.add(1, tags);
    logFirst(
      `${name} ${response.status}`,
      `${METHOD} on ${name} answered ${describeFailure(grpc, response)}`,
    );
    return;
  }
  ok.add(1, tags);
  const m = response.message;
  if (!m || m.subject !== plan.expected.subject || m.institutionId !== plan.expected.institutionId) {
    wrong.add(1, tags);
    logFirst(`${name} wrong`, `${METHOD} on ${name} answered ${JSON.stringify(m)}`);
  }
}

// ---- summary -------------------------------------------------------------------------------

function metric(data, name, stat) {
  const m = data.metrics[name];
  return m && m.values[stat] !== undefined ? m.values[stat] : 0;
}

const fmt = (n, digits = 0) => Number(n).toFixed(digits);

export function handleSummary(data) {
  const startedAt = data.setup_data ? data.setup_data.startedAt : null;
  const results = TARGETS.map((target) => {
    const tags = `target:${target.name},phase:measure`;
    const latency = `grpc_req_duration{${tags}}`;
    const answered = metric(data, `calls_ok{${tags}}`, 'count');
    const window = windows.find((w) => w.target === target.name);
    return {
      target: target.name,
      label: target.label,
      address: target.address,
      calls: answered,
      failed: metric(data, `calls_failed{${tags}}`, 'count'),
      wrongAnswers: metric(data, `wrong_answers{${tags}}`, 'count'),
      callsPerSecond: answered / SETTINGS.durationSeconds,
      latencyMs: {
        avg: metric(data, latency, 'avg'),
        p50: metric(data, latency, 'med'),
        p90: metric(data, latency, 'p(90)'),
        p99: metric(data, latency, 'p(99)'),
        max: metric(data, latency, 'max'),
      },
      // Epoch milliseconds of the measured seconds, for the runner's CPU samples.
      window:
        startedAt === null
          ? null
          : { from: startedAt + window.fromSeconds * 1000, to: startedAt + window.toSeconds * 1000 },
    };
  });
  const platform = results.find((r) => r.target === 'platform');
  const bare = results.find((r) => r.target === 'bare');
  const ratio =
    platform && bare && bare.callsPerSecond > 0 ? platform.callsPerSecond / bare.callsPerSecond : null;
  const summary = {
    benchmark: 'platform per-call cost',
    finishedAt: new Date().toISOString(),
    method: METHOD,
    settings: SETTINGS,
    results,
    ratio,
    goal: { ratio: GOAL_RATIO, met: ratio === null ? null : ratio >= GOAL_RATIO },
    warmupCalls: metric(data, 'calls_ok', 'count') - results.reduce((n, r) => n + r.calls, 0),
    testRunDurationMs: data.state.testRunDurationMs,
  };

  const lines = [
    '',
    `per-call cost: ${METHOD}, ${SETTINGS.vus} concurrent calls, ${SETTINGS.durationSeconds} s each after ` +
      `${SETTINGS.warmupSeconds} s of warm-up`,
    '  target      calls/s     p50 ms   p90 ms   p99 ms   max ms   failed  wrong',
    ...results.map(
      (r) =>
        `  ${r.target.padEnd(10)} ${fmt(r.callsPerSecond, 1).padStart(8)}  ${fmt(r.latencyMs.p50, 2).padStart(8)} ` +
        `${fmt(r.latencyMs.p90, 2).padStart(8)} ${fmt(r.latencyMs.p99, 2).padStart(8)} ${fmt(r.latencyMs.max, 1).padStart(8)} ` +
        `${String(r.failed).padStart(8)} ${String(r.wrongAnswers).padStart(6)}`,
    ),
    ratio === null
      ? ''
      : `  platform/bare calls/s = ${fmt(ratio, 3)}   [goal >= ${GOAL_RATIO}: ${summary.goal.met ? 'met' : 'MISSED'}]`,
    '',
  ];
  const out = { stdout: lines.join('\n') };
  if (SETTINGS.summaryOut) out[SETTINGS.summaryOut] = JSON.stringify(summary, null, 2);
  return out;
}
