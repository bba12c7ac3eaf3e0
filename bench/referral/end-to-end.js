// A referral end to end, as a k6 scenario over gRPC: primary sites of one medical group submit upward referrals
// (ReferralService/CreateReferral), the receiving hospital accepts each (AcceptReferral), scheduling holds a
// reserved slot when it consumes ReferralAccepted, and referral marks the referral SCHEDULED when it consumes
// scheduling's SlotHoldChanged: two outbox relays and two Kafka hops. A benchmark, not a test: CI does not run it.
// scripts/bench-referral.sh prepares the plan (seed.js), runs this, then checks the databases. By hand:
//
//   BENCH_PLAN=$PWD/.bench/referral/plan.json .cache/go-bin/k6 run bench/referral/end-to-end.js
//
// Two scenarios:
//   sites  ramping-arrival-rate: referrals arrive at BENCH_RATE a second with BENCH_BURSTS bursts at
//          BENCH_BURST_FACTOR times the rate (lib/shape.js), iteration i sending the plan's i-th patient from the
//          site whose family-doctor team holds that patient's contract, with the site's token
//   desk   one VU that watches as the people involved would: the hospital's own WatchReferrals stream, on which
//          it sees each new referral and accepts it after a reaction time drawn uniformly from
//          0..BENCH_ACCEPT_DELAY_MS, and each site's WatchReferrals stream with the site's own token, on which the
//          referrer sees its referral SCHEDULED. The accept call and the referrer's stream share this VU, so the
//          time from the accept call's return to the SCHEDULED change is measured on one clock (k6 VUs share no
//          memory). The reaction time puts each accept at a random point of the streams' polling (referral's
//          WATCH_POLL_MS, 500 by default), so the streams' poll adds the same spread to every run
// Measured (k6 Trends, ms): accept -> SCHEDULED (accept call returned .. the referrer's stream shows it),
// submit -> accepted and submit -> SCHEDULED (from the referral's submittedAt, referral's clock on the same
// machine), and the two calls. Lost: accepted referrals not SCHEDULED within BENCH_DEADLINE_S of the accept;
// doubled: a SCHEDULED change seen twice for one referral.
//
// Settings (environment; the arrivals and deadline in lib/shape.js):
//   BENCH_PLAN               plan JSON from seed.js (required)
//   BENCH_RATE=20  BENCH_BURST_FACTOR=2  BENCH_STEADY_S=15  BENCH_BURST_S=5  BENCH_BURSTS=2  BENCH_LEAD_S=3
//   BENCH_DEADLINE_S=30      an accepted referral not SCHEDULED by then is lost
//   BENCH_ACCEPT_DELAY_MS=500  the desk's reaction time, uniform from 0
//   BENCH_VUS=60  BENCH_MAX_VUS=120  VUs of the sites scenario (one CreateReferral in flight each): an
//                            arrival that finds every VU waiting is dropped, and counted as dropped
//   BENCH_CALL_DEADLINE=10s  gRPC deadline of each unary call
//   BENCH_SEED=1             seed of the reaction times
//   BENCH_TARGET             referral's gRPC address (default: the plan's)
//   BENCH_SUMMARY_OUT        where handleSummary writes the JSON summary (.bench/...)
//   BENCH_PROTO_DIR          the repository's proto/ (default ../../proto, relative to bench/scheduling/lib)
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import grpc from 'k6/net/grpc';
import { setTimeout } from 'k6/timers';
import {
  describeFailure,
  envInt,
  envString,
  metricValue,
  PROTO_DIR,
  prng,
  runUuid,
} from '../scheduling/lib/common.js';
import {
  arrivalSeconds,
  expectedArrivals,
  REFERRAL_ID_KIND,
  runMarker,
  runSettings,
  stages,
} from './lib/shape.js';
import { planPatients, planShared } from './lib/plan.js';

const SETTINGS = {
  ...runSettings(),
  acceptDelayMs: envInt('BENCH_ACCEPT_DELAY_MS', 500),
  vus: Math.max(1, envInt('BENCH_VUS', 60)),
  maxVus: envInt('BENCH_MAX_VUS', 120),
  callDeadline: envString('BENCH_CALL_DEADLINE', '10s'),
  seed: envInt('BENCH_SEED', 1),
  summaryOut: envString('BENCH_SUMMARY_OUT', ''),
};
const SERVICE = 'medgrid.referral.v1.ReferralService';

const referrals = planPatients('referrals', 'referrals');
const shared = planShared();
const MARKER = runMarker(shared.runId);

// ---- metrics -------------------------------------------------------------------------------

const created = new Counter('e2e_created');
const createErrors = new Counter('e2e_create_errors');
const outOfPatients = new Counter('e2e_out_of_patients');
const seen = new Counter('e2e_seen_by_hospital');
const accepted = new Counter('e2e_accepted');
const acceptErrors = new Counter('e2e_accept_errors');
const scheduled = new Counter('e2e_scheduled');
const lost = new Counter('e2e_lost');
const lostLate = new Counter('e2e_lost_late');
const lostWaitlisted = new Counter('e2e_lost_waitlisted');
const lostNoSlot = new Counter('e2e_lost_no_slot');
const lostOther = new Counter('e2e_lost_other');
const doubled = new Counter('e2e_doubled');
const scheduledBeforeAccept = new Counter('e2e_scheduled_before_accept_returned');
const scheduledUnseen = new Counter('e2e_scheduled_unseen');
const streamReopens = new Counter('e2e_stream_reopens');
const acceptToScheduled = new Trend('e2e_accept_to_scheduled', true);
const submitToAccepted = new Trend('e2e_submit_to_accepted', true);
const submitToScheduled = new Trend('e2e_submit_to_scheduled', true);
const createLatency = new Trend('e2e_create_latency', true);
const acceptLatency = new Trend('e2e_accept_latency', true);

// ---- scenarios -----------------------------------------------------------------------------

const ARRIVAL_S = arrivalSeconds(SETTINGS);
export const options = {
  scenarios: {
    desk: {
      executor: 'per-vu-iterations',
      exec: 'desk',
      vus: 1,
      iterations: 1,
      maxDuration: `${SETTINGS.leadSeconds + ARRIVAL_S + SETTINGS.deadlineSeconds + 120}s`,
    },
    sites: {
      executor: 'ramping-arrival-rate',
      exec: 'submit',
      startTime: `${SETTINGS.leadSeconds}s`,
      startRate: SETTINGS.rate,
      timeUnit: '1s',
      stages: stages(SETTINGS),
      preAllocatedVUs: SETTINGS.vus,
      maxVUs: Math.max(SETTINGS.vus, SETTINGS.maxVus),
      gracefulStop: '30s',
    },
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(50)', 'p(90)', 'p(99)', 'max', 'count'],
};

const client = new grpc.Client();
client.load([PROTO_DIR], 'medgrid/referral/v1/referral_service.proto', 'google/rpc/error_details.proto');
let connected = false;
const logged = new Set();

function logFirst(kind, line) {
  // A sample of each failure kind, not one line per failed call.
  if (logged.has(kind)) return;
  logged.add(kind);
  console.warn(line);
}

function connect() {
  if (connected) return;
  client.connect(shared.target, { plaintext: true, timeout: '10s' });
  connected = true;
}

const bearer = (token) => ({ authorization: `Bearer ${token}` });

/** sites: one upward referral, the plan's next patient from the site that holds the patient's contract. */
export function submit() {
  const i = exec.scenario.iterationInTest;
  if (i >= referrals.length) {
    outOfPatients.add(1);
    return;
  }
  const { patient, site } = referrals[i];
  connect();
  const started = Date.now();
  let response;
  try {
    response = client.invoke(
      `${SERVICE}/CreateReferral`,
      {
        clientRequestId: runUuid(shared.runId, REFERRAL_ID_KIND.referral, i),
        patientResidentId: patient,
        referringInstitutionId: site,
        receivingInstitutionId: shared.institutionId,
        receivingDepartmentId: shared.departmentId,
        direction: 'REFERRAL_DIRECTION_UPWARD',
        icd10Code: 'I10',
        indicationCodes: ['HTN_SEVERE'],
        reason: `规律治疗下血压仍≥180/110 mmHg，上转心血管内科（转诊端到端压测 ${MARKER}）`,
      },
      { metadata: bearer(shared.siteTokens[site]), timeout: SETTINGS.callDeadline },
    );
  } catch (error) {
    createErrors.add(1);
    logFirst('create-exception', `CreateReferral could not be called: ${error}`);
    return;
  }
  createLatency.add(Date.now() - started);
  if (response.status === grpc.StatusOK) {
    created.add(1);
    return;
  }
  createErrors.add(1);
  logFirst(`create-${response.status}`, `CreateReferral answered ${describeFailure(grpc, response)}`);
}

const sleep = (ms) => new Promise((resume) => setTimeout(resume, ms));

/** desk: the hospital accepts what it sees arrive; each referrer watches its referrals become SCHEDULED. */
export async function desk() {
  connect();
  const startedAt = Date.now();
  const submitsEndAt = startedAt + (SETTINGS.leadSeconds + ARRIVAL_S) * 1000;
  const deadlineMs = SETTINGS.deadlineSeconds * 1000;
  const reaction = prng(SETTINGS.seed);
  /** Referral id -> what the desk saw of it, in ms of k6's clock. */
  const seenReferrals = new Map();
  let closing = false;
  let accepts = 0;
  let acceptsInFlight = 0;
  let lastSubmissionSeenAt = 0;
  let lastAcceptAt = 0;

  function watch(name, token, onChange) {
    let afterSeq = '0';
    const open = () => {
      const stream = new grpc.Stream(client, `${SERVICE}/WatchReferrals`, { metadata: bearer(token) });
      stream.on('data', (message) => {
        const at = Date.now();
        afterSeq = message.change.seq;
        if (message.referral && message.referral.reason.indexOf(MARKER) >= 0) onChange(message, at);
      });
      stream.on('error', (error) => {
        if (!closing) logFirst(`stream-${name}`, `WatchReferrals (${name}) failed: ${error.message}`);
      });
      // Resumed after the last change it delivered, so a reopened stream repeats and misses nothing.
      stream.on('end', () => {
        if (closing) return;
        streamReopens.add(1);
        setTimeout(open, 1000);
      });
      stream.write({ afterSeq });
      stream.end();
    };
    open();
  }

  async function accept(id, record) {
    const n = accepts++;
    const started = Date.now();
    try {
      const response = await client.asyncInvoke(
        `${SERVICE}/AcceptReferral`,
        {
          clientRequestId: runUuid(shared.runId, REFERRAL_ID_KIND.accept, n),
          id,
          note: '同意接收（转诊端到端压测）',
        },
        { metadata: bearer(shared.deskToken), timeout: SETTINGS.callDeadline },
      );
      const returned = Date.now();
      if (response.status !== grpc.StatusOK) {
        acceptErrors.add(1);
        record.outcome = 'accept refused';
        logFirst(`accept-${response.status}`, `AcceptReferral answered ${describeFailure(grpc, response)}`);
        return;
      }
      record.acceptReturnedAt = returned;
      lastAcceptAt = returned;
      accepted.add(1);
      acceptLatency.add(returned - started);
      submitToAccepted.add(returned - record.submittedAt);
      // SCHEDULED already shown: scheduled, but with no accept -> SCHEDULED time to record.
      if (record.scheduledAt) {
        scheduledBeforeAccept.add(1);
        record.outcome = 'scheduled';
        scheduled.add(1);
      }
    } catch (error) {
      acceptErrors.add(1);
      record.outcome = 'accept failed';
      logFirst('accept-exception', `AcceptReferral could not be called: ${error}`);
    } finally {
      acceptsInFlight--;
    }
  }

  watch('hospital', shared.deskToken, ({ referral, change }, at) => {
    if (change.action !== 'REFERRAL_ACTION_SUBMIT' || seenReferrals.has(referral.id)) return;
    const record = {
      submittedAt: Date.parse(referral.submittedAt),
      acceptReturnedAt: 0,
      scheduledAt: 0,
      schedules: 0,
      outcome: '',
      waitlisted: false,
      noSlot: false,
    };
    seenReferrals.set(referral.id, record);
    seen.add(1);
    lastSubmissionSeenAt = at;
    acceptsInFlight++;
    setTimeout(() => accept(referral.id, record), Math.floor(reaction() * SETTINGS.acceptDelayMs));
  });
  for (const [site, token] of Object.entries(shared.siteTokens)) {
    watch(`site ${site}`, token, ({ referral, change }, at) => {
      const record = seenReferrals.get(referral.id);
      if (!record) {
        if (change.action === 'REFERRAL_ACTION_SCHEDULE') scheduledUnseen.add(1);
        return;
      }
      switch (change.action) {
        case 'REFERRAL_ACTION_SCHEDULE': {
          record.schedules++;
          if (record.schedules > 1) {
            doubled.add(1);
            return;
          }
          record.scheduledAt = at;
          if (!record.acceptReturnedAt) return;
          const ms = at - record.acceptReturnedAt;
          if (ms > deadlineMs) {
            record.outcome = 'late';
            return;
          }
          record.outcome = 'scheduled';
          scheduled.add(1);
          acceptToScheduled.add(ms);
          submitToScheduled.add(at - record.submittedAt);
          return;
        }
        case 'REFERRAL_ACTION_WAITLIST':
          record.waitlisted = true;
          return;
        case 'REFERRAL_ACTION_NO_SLOT':
          record.noSlot = true;
          return;
        default:
      }
    });
  }

  // Until the sites are done, the hospital's stream has brought what they sent, and every accepted referral is
  // SCHEDULED or past its deadline.
  for (;;) {
    await sleep(250);
    const now = Date.now();
    if (now > submitsEndAt + deadlineMs + 60000) break;
    if (now < submitsEndAt + 2000 || acceptsInFlight > 0) continue;
    if (now - Math.max(lastSubmissionSeenAt, submitsEndAt) < 3000) continue;
    const waiting = [...seenReferrals.values()].some((r) => r.acceptReturnedAt && !r.outcome);
    if (!waiting || now > lastAcceptAt + deadlineMs) break;
  }
  closing = true;
  for (const record of seenReferrals.values()) {
    if (!record.acceptReturnedAt || record.outcome === 'scheduled') continue;
    lost.add(1);
    if (record.outcome === 'late') lostLate.add(1);
    else if (record.waitlisted) lostWaitlisted.add(1);
    else if (record.noSlot) lostNoSlot.add(1);
    else lostOther.add(1);
  }
  client.close();
}

// ---- summary -------------------------------------------------------------------------------

const STATS = { count: 'count', p50: 'p(50)', p90: 'p(90)', p99: 'p(99)', max: 'max' };
const latency = (data, name) =>
  Object.fromEntries(Object.entries(STATS).map(([key, stat]) => [key, metricValue(data, name, stat)]));

const ms = (n) => `${Math.round(n)} ms`;
const row = (label, l) =>
  `  ${label.padEnd(34)} p50 ${ms(l.p50).padStart(8)}  p90 ${ms(l.p90).padStart(8)}  p99 ${ms(l.p99).padStart(8)}  max ${ms(l.max).padStart(8)}  (${l.count})\n`;

export function handleSummary(data) {
  const count = (name) => metricValue(data, `e2e_${name}`, 'count');
  const counts = {
    offered: expectedArrivals(SETTINGS),
    created: count('created'),
    createErrors: count('create_errors'),
    dropped: metricValue(data, 'dropped_iterations', 'count'),
    outOfPatients: count('out_of_patients'),
    seenByHospital: count('seen_by_hospital'),
    accepted: count('accepted'),
    acceptErrors: count('accept_errors'),
    scheduled: count('scheduled'),
    lost: count('lost'),
    lostBy: {
      late: count('lost_late'),
      waitlisted: count('lost_waitlisted'),
      noSlot: count('lost_no_slot'),
      noChangeSeen: count('lost_other'),
    },
    doubled: count('doubled'),
    scheduledBeforeAcceptReturned: count('scheduled_before_accept_returned'),
    scheduledUnseen: count('scheduled_unseen'),
    streamReopens: count('stream_reopens'),
  };
  const latencyMs = {
    acceptToScheduled: latency(data, 'e2e_accept_to_scheduled'),
    submitToAccepted: latency(data, 'e2e_submit_to_accepted'),
    submitToScheduled: latency(data, 'e2e_submit_to_scheduled'),
    createCall: latency(data, 'e2e_create_latency'),
    acceptCall: latency(data, 'e2e_accept_latency'),
  };
  const summary = {
    benchmark: 'referral end to end',
    finishedAt: new Date().toISOString(),
    run: {
      runId: shared.runId,
      target: shared.target,
      institutionId: shared.institutionId,
      departmentId: shared.departmentId,
      sites: Object.keys(shared.siteTokens).length,
      patients: referrals.length,
      capacity: shared.capacity,
      stages: stages(SETTINGS),
      arrivalSeconds: ARRIVAL_S,
      settings: SETTINGS,
    },
    counts,
    latencyMs,
  };
  const text =
    `\nreferral end to end, run ${shared.runId}: ${counts.offered} referrals offered from ` +
    `${summary.run.sites} sites (${SETTINGS.rate}/s, ${SETTINGS.bursts} bursts of ${SETTINGS.rate * SETTINGS.burstFactor}/s for ${SETTINGS.burstSeconds} s)\n` +
    `  created ${counts.created} (errors ${counts.createErrors}, dropped ${counts.dropped}), seen by the hospital ` +
    `${counts.seenByHospital}, accepted ${counts.accepted} (errors ${counts.acceptErrors}), SCHEDULED within ` +
    `${SETTINGS.deadlineSeconds} s ${counts.scheduled}, lost ${counts.lost}, doubled ${counts.doubled}\n` +
    row('accept -> SCHEDULED (stream)', latencyMs.acceptToScheduled) +
    row('submit -> accepted', latencyMs.submitToAccepted) +
    row('submit -> SCHEDULED (stream)', latencyMs.submitToScheduled) +
    row('CreateReferral call', latencyMs.createCall) +
    row('AcceptReferral call', latencyMs.acceptCall);
  const out = { stdout: text };
  if (SETTINGS.summaryOut) out[SETTINGS.summaryOut] = JSON.stringify(summary, null, 2);
  return out;
}
