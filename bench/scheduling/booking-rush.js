// The 07:00 release rush (放号), as a k6 scenario over gRPC against
// medgrid.scheduling.v1.BookingService/BookSlot. A benchmark, not a test: CI does not run it.
// scripts/bench-scheduling.sh seeds the sessions and referrals (seed.js), runs this, then checks
// the scheduling database. By hand, against a plan the seed wrote:
//
//   BENCH_PLAN=$PWD/.bench/scheduling/plan.json .cache/go-bin/k6 run bench/scheduling/booking-rush.js
//
// One rush per plan: the client request ids derive from the plan's run id, so a second rush on
// the same plan is answered with the first one's results (that is idempotency, not booking).
//
// Defaults: 30,000 attempts arriving within 10 s on the plan's sessions (100 of 30 slots), 80%
// of them on 20 hot sessions; 20% are referral bookings for the reserved pool (each with its own
// submitted referral and that referral's patient), the rest public; 3% resubmit an earlier
// attempt's client_request_id (a retry: must get the first answer, never a second slot) and 2%
// are a patient trying the same session again under a new id (must be ALREADY_EXISTS once they
// hold a slot). Every attempt is fixed by its index and BENCH_SEED, so reruns are comparable.
//
// Settings (environment):
//   BENCH_PLAN               plan JSON from seed.js (required)
//   BENCH_ATTEMPTS=30000     BookSlot attempts
//   BENCH_WINDOW_S=10        seconds over which they arrive
//   BENCH_HOT_SESSIONS=20    sessions that draw BENCH_HOT_SHARE=0.8 of the attempts
//   BENCH_REFERRAL_SHARE=0.2 share of referral bookings (POOL_RESERVED + referral_id)
//   BENCH_DUPLICATE_SHARE=0.03  resubmits of an earlier client_request_id
//   BENCH_REPEAT_SHARE=0.02  same patient, same session, new client_request_id
//   BENCH_EXECUTOR=arrival   arrival: constant-arrival-rate (open model, attempts arrive on time
//                            whatever the answers do); iterations: shared-iterations (closed
//                            model, BENCH_VUS callers each waiting for their answer)
//   BENCH_VUS=500            pre-allocated VUs (arrival) or callers (iterations): at most this
//                            many calls are in flight. An attempt that arrives when every VU
//                            waits for an answer is dropped, and reported as dropped
//   BENCH_MAX_VUS=BENCH_VUS  VU ceiling for arrival. VUs above BENCH_VUS are created during
//                            the rush, slowly (~50/s here) and on the cores the service needs
//   BENCH_DEADLINE=5s        gRPC deadline of each call
//   BENCH_SEED=1             seed of the attempt mix
//   BENCH_TARGET             scheduling gRPC address (default: the plan's, 127.0.0.1:50062)
//   BENCH_SUMMARY_OUT        where handleSummary writes the JSON summary (.bench/...)
//   BENCH_PROTO_DIR          the repository's proto/ (default ../../proto, relative to this file)
import exec from 'k6/execution';
import { SharedArray } from 'k6/data';
import { Counter, Trend } from 'k6/metrics';
import grpc from 'k6/net/grpc';
import {
  describeFailure,
  envInt,
  envShare,
  envString,
  errorReason,
  ID_KIND,
  PROTO_DIR,
  prng,
  readJsonFromEnv,
  runUuid,
} from './lib/common.js';
import { residentId } from './lib/resident-id.js';

const SETTINGS = {
  attempts: envInt('BENCH_ATTEMPTS', 30000),
  windowSeconds: envInt('BENCH_WINDOW_S', 10),
  hotSessions: envInt('BENCH_HOT_SESSIONS', 20),
  hotShare: envShare('BENCH_HOT_SHARE', 0.8),
  referralShare: envShare('BENCH_REFERRAL_SHARE', 0.2),
  duplicateShare: envShare('BENCH_DUPLICATE_SHARE', 0.03),
  repeatShare: envShare('BENCH_REPEAT_SHARE', 0.02),
  executor: envString('BENCH_EXECUTOR', 'arrival'),
  vus: Math.max(1, envInt('BENCH_VUS', 500)),
  maxVus: envInt('BENCH_MAX_VUS', 0),
  deadline: envString('BENCH_DEADLINE', '5s'),
  seed: envInt('BENCH_SEED', 1),
  summaryOut: envString('BENCH_SUMMARY_OUT', ''),
};
if (SETTINGS.attempts < 1 || SETTINGS.windowSeconds < 1)
  throw new Error('BENCH_ATTEMPTS and BENCH_WINDOW_S must be >= 1');
if (SETTINGS.executor !== 'arrival' && SETTINGS.executor !== 'iterations') {
  throw new Error(`BENCH_EXECUTOR must be arrival or iterations, got ${SETTINGS.executor}`);
}
if (SETTINGS.duplicateShare + SETTINGS.repeatShare > 0.5)
  throw new Error('duplicates and repeats above half the rush');

/** Targets on the 2-core development machine (README, "Benchmark: booking rush"). */
const TARGETS = { decisionsPerSecond: 500, bookingP99Ms: 1000, soldOutP99Ms: 300 };

// ---- the rush, decided before it starts -------------------------------------------------------

/**
 * Attempt i: client request id, session, patient, pool, referral. Built once (SharedArray) from
 * the plan and the seed. A duplicate copies an earlier original (same client_request_id); a
 * repeat is an earlier original's patient and session under a new client_request_id.
 */
function buildRush(plan) {
  const next = prng(SETTINGS.seed);
  const sessions = plan.sessions.map((s) => s.id);
  for (let i = sessions.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sessions[i], sessions[j]] = [sessions[j], sessions[i]];
  }
  const hotCount = Math.min(SETTINGS.hotSessions, sessions.length);
  const hot = sessions.slice(0, hotCount);
  const cold = sessions.length > hotCount ? sessions.slice(hotCount) : hot;
  const referrals = plan.referrals;
  let nextReferral = 0;
  let nextPatient = 0;
  const stats = { referral: 0, public: 0, duplicate: 0, repeat: 0, hot: 0, referralShortfall: 0 };
  const rush = [];
  const earlierOriginal = (i) => {
    const j = i - 1 - Math.floor(next() * Math.min(i, 100));
    return rush[j].of === undefined ? j : rush[j].of;
  };
  for (let i = 0; i < SETTINGS.attempts; i++) {
    const roll = next();
    if (i > 0 && roll < SETTINGS.duplicateShare) {
      const j = earlierOriginal(i);
      rush.push({ ...rush[j], of: j, kind: 'duplicate' });
      stats.duplicate++;
      continue;
    }
    if (i > 0 && roll < SETTINGS.duplicateShare + SETTINGS.repeatShare) {
      const j = earlierOriginal(i);
      rush.push({ ...rush[j], c: runUuid(plan.runId, ID_KIND.booking, i), of: j, kind: 'repeat' });
      stats.repeat++;
      continue;
    }
    const isHot = next() < SETTINGS.hotShare;
    const pickFrom = isHot ? hot : cold;
    if (isHot) stats.hot++;
    const session = pickFrom[Math.floor(next() * pickFrom.length)];
    const c = runUuid(plan.runId, ID_KIND.booking, i);
    if (next() < SETTINGS.referralShare) {
      if (nextReferral < referrals.length) {
        const r = referrals[nextReferral++];
        rush.push({
          c,
          s: session,
          p: r.patient,
          pool: 'POOL_RESERVED',
          r: r.id,
          by: r.referringInstitutionId,
          kind: 'referral',
        });
        stats.referral++;
        continue;
      }
      stats.referralShortfall++;
    }
    rush.push({
      c,
      s: session,
      p: residentId(nextPatient++),
      pool: 'POOL_PUBLIC',
      r: '',
      by: '',
      kind: 'public',
    });
    stats.public++;
  }
  return { rush, stats, hotSessions: hot.length };
}

const rush = new SharedArray('rush', () => buildRush(readJsonFromEnv('BENCH_PLAN')).rush);
// Everything else a VU needs from the plan, as one small shared record.
const shared = new SharedArray('shared', () => {
  const plan = readJsonFromEnv('BENCH_PLAN');
  const { stats, hotSessions } = buildRush(plan);
  const referrerTokens = {};
  for (const r of plan.tokens.referrers) referrerTokens[r.institutionId] = r.token;
  return [
    {
      runId: plan.runId,
      date: plan.date,
      target: envString('BENCH_TARGET', plan.scheduling || '127.0.0.1:50062'),
      bookerToken: plan.tokens.booker,
      referrerTokens,
      sessions: plan.sessions.length,
      hotSessions,
      capacity: plan.sessions.reduce((n, s) => n + Number(s.capacity), 0),
      reserved: plan.sessions.reduce((n, s) => n + Number(s.reservedOffered), 0),
      referrals: plan.referrals.length,
      stats,
    },
  ];
})[0];

// ---- metrics -------------------------------------------------------------------------------

const attempted = new Counter('rush_attempts');
const bookings = new Counter('rush_bookings');
const referralBookings = new Counter('rush_referral_bookings');
const soldOut = new Counter('rush_sold_out');
const duplicatePatient = new Counter('rush_duplicate_patient');
const errors = new Counter('rush_errors');
const replayedOk = new Counter('rush_replayed_ok');
const bookingLatency = new Trend('rush_booking_latency', true);
const soldOutLatency = new Trend('rush_sold_out_latency', true);
const duplicateLatency = new Trend('rush_duplicate_patient_latency', true);
const errorLatency = new Trend('rush_error_latency', true);
// When each answer arrived, from the scenario's start: its max is the rush's length.
const answeredAt = new Trend('rush_answered_at', true);

const snake = (name) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
const STATUS_NAMES = {};
const errorsByStatus = {};
for (const key of Object.keys(grpc)) {
  if (!key.startsWith('Status') || key === 'StatusOK') continue;
  STATUS_NAMES[grpc[key]] = key.slice('Status'.length);
  errorsByStatus[grpc[key]] = new Counter(`rush_errors_${snake(key.slice('Status'.length))}`);
}
const errorsThrown = new Counter('rush_errors_exception');

// ---- scenario ------------------------------------------------------------------------------

const scenario =
  SETTINGS.executor === 'iterations'
    ? { executor: 'shared-iterations', vus: SETTINGS.vus, iterations: SETTINGS.attempts, maxDuration: '15m' }
    : {
        executor: 'constant-arrival-rate',
        rate: SETTINGS.attempts,
        timeUnit: `${SETTINGS.windowSeconds}s`,
        duration: `${SETTINGS.windowSeconds}s`,
        preAllocatedVUs: SETTINGS.vus,
        maxVUs: Math.max(SETTINGS.vus, SETTINGS.maxVus),
        gracefulStop: '60s',
      };

export const options = {
  scenarios: { rush: scenario },
  summaryTrendStats: ['avg', 'min', 'med', 'p(50)', 'p(95)', 'p(99)', 'max', 'count'],
};

const client = new grpc.Client();
client.load([PROTO_DIR], 'medgrid/scheduling/v1/booking_service.proto', 'google/rpc/error_details.proto');
let connected = false;
const logged = new Set();

function logFirst(kind, line) {
  // A sample of each failure kind from the first VUs, not one line per failed call.
  if (logged.has(kind) || exec.vu.idInTest > 20) return;
  logged.add(kind);
  console.warn(line);
}

export default function () {
  // Read once: each read of exec.scenario builds a new object of every field.
  const scenario = exec.scenario;
  const index = scenario.iterationInTest;
  if (index >= rush.length) return;
  const a = rush[index];
  const token = a.r ? shared.referrerTokens[a.by] : shared.bookerToken;
  const claim = {
    clientRequestId: a.c,
    sessionId: a.s,
    patientResidentId: a.p,
    pool: a.pool,
    referralId: a.r,
  };
  attempted.add(1);
  let started = Date.now();
  let response;
  try {
    if (!connected) {
      // Once per VU; the call's latency is measured from after the connection is up.
      client.connect(shared.target, { plaintext: true, timeout: '10s' });
      connected = true;
      started = Date.now();
    }
    response = client.invoke(
      'medgrid.scheduling.v1.BookingService/BookSlot',
      { claim },
      { metadata: { authorization: `Bearer ${token}` }, timeout: SETTINGS.deadline, tags: { kind: a.kind } },
    );
  } catch (error) {
    errors.add(1);
    errorsThrown.add(1);
    errorLatency.add(Date.now() - started);
    answeredAt.add(Date.now() - scenario.startTime);
    logFirst('exception', `BookSlot could not be called: ${error}`);
    return;
  }
  const ms = Date.now() - started;
  answeredAt.add(Date.now() - scenario.startTime);
  if (response.status === grpc.StatusOK) {
    bookings.add(1);
    bookingLatency.add(ms);
    if (a.r) referralBookings.add(1);
    if (a.kind === 'duplicate') replayedOk.add(1);
    return;
  }
  const reason = errorReason(response);
  if (response.status === grpc.StatusResourceExhausted && reason === 'SOLD_OUT') {
    soldOut.add(1);
    soldOutLatency.add(ms);
  } else if (response.status === grpc.StatusAlreadyExists) {
    duplicatePatient.add(1);
    duplicateLatency.add(ms);
  } else {
    errors.add(1);
    errorLatency.add(ms);
    if (errorsByStatus[response.status]) errorsByStatus[response.status].add(1);
    logFirst(
      `${response.status}/${reason}`,
      `BookSlot (${a.kind}) answered ${describeFailure(grpc, response)}`,
    );
  }
}

// ---- summary -------------------------------------------------------------------------------

function metric(data, name, stat) {
  const m = data.metrics[name];
  return m && m.values[stat] !== undefined ? m.values[stat] : 0;
}

function latency(data, name) {
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
  const counts = {
    attempts: metric(data, 'rush_attempts', 'count'),
    dropped: metric(data, 'dropped_iterations', 'count'),
    bookings: metric(data, 'rush_bookings', 'count'),
    referralBookings: metric(data, 'rush_referral_bookings', 'count'),
    soldOut: metric(data, 'rush_sold_out', 'count'),
    duplicatePatient: metric(data, 'rush_duplicate_patient', 'count'),
    errors: metric(data, 'rush_errors', 'count'),
    replayedOk: metric(data, 'rush_replayed_ok', 'count'),
    errorsByStatus: {},
  };
  for (const status of Object.keys(STATUS_NAMES)) {
    const n = metric(data, `rush_errors_${snake(STATUS_NAMES[status])}`, 'count');
    if (n > 0) counts.errorsByStatus[STATUS_NAMES[status]] = n;
  }
  const thrown = metric(data, 'rush_errors_exception', 'count');
  if (thrown > 0) counts.errorsByStatus.exception = thrown;

  const windowSeconds = metric(data, 'rush_answered_at', 'max') / 1000;
  const decisions = counts.bookings + counts.soldOut;
  const perSecond = windowSeconds > 0 ? decisions / windowSeconds : 0;
  const lat = {
    booking: latency(data, 'rush_booking_latency'),
    soldOut: latency(data, 'rush_sold_out_latency'),
    duplicatePatient: latency(data, 'rush_duplicate_patient_latency'),
    error: latency(data, 'rush_error_latency'),
  };
  // A target is only judged when the run could show it: met, missed, or null with the reason.
  const offered = SETTINGS.executor === 'arrival' ? SETTINGS.attempts / SETTINGS.windowSeconds : null;
  const judge = (target, value, met, why) => ({
    target,
    value,
    met: why ? null : met,
    why: why || undefined,
  });
  const targets = {
    decisionsPerSecond: judge(
      TARGETS.decisionsPerSecond,
      perSecond,
      perSecond >= TARGETS.decisionsPerSecond,
      offered !== null && offered < TARGETS.decisionsPerSecond
        ? `only ${fmt(offered)} attempts/s offered`
        : '',
    ),
    bookingP99Ms: judge(
      TARGETS.bookingP99Ms,
      lat.booking.p99,
      lat.booking.p99 < TARGETS.bookingP99Ms,
      lat.booking.count ? '' : 'no bookings',
    ),
    soldOutP99Ms: judge(
      TARGETS.soldOutP99Ms,
      lat.soldOut.p99,
      lat.soldOut.p99 < TARGETS.soldOutP99Ms,
      lat.soldOut.count ? '' : 'no sold-out answers',
    ),
  };
  const summary = {
    benchmark: 'scheduling booking rush',
    finishedAt: new Date().toISOString(),
    run: {
      runId: shared.runId,
      clinicDate: shared.date,
      target: shared.target,
      sessions: shared.sessions,
      hotSessions: shared.hotSessions,
      slots: shared.capacity,
      reservedSlots: shared.reserved,
      referralsAvailable: shared.referrals,
      plannedAttempts: SETTINGS.attempts,
      plannedMix: shared.stats,
      settings: SETTINGS,
    },
    counts,
    decisions: { count: decisions, windowSeconds, perSecond, offeredPerSecond: offered },
    latencyMs: lat,
    grpcReqDurationMs: latency(data, 'grpc_req_duration'),
    targets,
    testRunDurationMs: data.state.testRunDurationMs,
  };

  const l = (x) =>
    `p50 ${fmt(x.p50, 1)} ms  p95 ${fmt(x.p95, 1)} ms  p99 ${fmt(x.p99, 1)} ms  max ${fmt(x.max, 1)} ms  (n=${x.count})`;
  const mix = shared.stats;
  const lines = [
    '',
    `booking rush: ${SETTINGS.attempts} BookSlot attempts ` +
      (offered !== null
        ? `arriving over ${SETTINGS.windowSeconds} s (${fmt(offered)}/s)`
        : `from ${SETTINGS.vus} callers, each waiting for its answer`) +
      ` on ${shared.sessions} sessions, ${shared.capacity} slots (${shared.reserved} reserved), ${shared.hotSessions} hot`,
    `  planned mix: ${mix.public} public, ${mix.referral} referral, ${mix.duplicate} resubmitted ids, ${mix.repeat} repeated patients, ${mix.hot} on hot sessions` +
      (mix.referralShortfall > 0
        ? `, ${mix.referralShortfall} referral attempts sent public (not enough referrals)`
        : ''),
    `  attempts made     ${counts.attempts}` +
      (counts.dropped > 0
        ? `  (${counts.dropped} DROPPED: all ${SETTINGS.vus} VUs were waiting for answers)`
        : ''),
    `  bookings          ${counts.bookings}  (${counts.referralBookings} by referral, ${counts.replayedOk} were retries answered with the first booking)`,
    `  sold out (clean)  ${counts.soldOut}`,
    `  duplicate patient ${counts.duplicatePatient}`,
    `  errors            ${counts.errors}` +
      (counts.errors > 0
        ? `  ${Object.entries(counts.errorsByStatus)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}`
        : ''),
    `  decisions         ${decisions} in ${fmt(windowSeconds, 2)} s = ${fmt(perSecond, 1)} decisions/s   [target >= ${TARGETS.decisionsPerSecond}: ${verdict(targets.decisionsPerSecond)}]`,
    `  booking latency   ${l(lat.booking)}   [p99 < ${TARGETS.bookingP99Ms} ms: ${verdict(targets.bookingP99Ms)}]`,
    `  sold-out latency  ${l(lat.soldOut)}   [p99 < ${TARGETS.soldOutP99Ms} ms: ${verdict(targets.soldOutP99Ms)}]`,
    `  duplicate latency ${l(lat.duplicatePatient)}`,
    `  error latency     ${l(lat.error)}`,
    '',
  ];
  const out = { stdout: lines.join('\n') };
  if (SETTINGS.summaryOut) out[SETTINGS.summaryOut] = JSON.stringify(summary, null, 2);
  return out;
}
