// Prepares one referral end-to-end run through the services' own gRPC APIs (never SQL), then writes the plan
// end-to-end.js reads. Run by scripts/bench-referral.sh; by hand:
//
//   BENCH_CONTEXT=.bench/referral/context.json BENCH_PLAN_OUT=$PWD/.bench/referral/plan.json \
//     .cache/go-bin/k6 run bench/referral/seed.js
//
// The context (written by the runner) names the hospital, the department the referrals go to, the sending sites,
// the clinic date for new sessions and the tokens. Everything happens in setup(), the calls overlapping
// (asyncInvoke), and the plan reaches handleSummary() as setup_data:
//   1. the patients: residents of the hospital's grid (ResidentService/SearchResidents) whose contract in force is
//      with a family-doctor team of one of the sites (GetResidentCare), each referred by that site, so every
//      referral is a contracted resident's (contracted-resident priority), dealt out to the sites in turn; and,
//      for referral creation (BENCH_OTHER_PATIENTS), that many residents of the grid contracted with no site
//   2. the reserved slots: the saga (scheduling's HoldSlotForReferral) looks at the department's first 50 open
//      sessions with a free seat within REFERRAL_SEARCH_DAYS, earliest first, reserved pool before public. Counted
//      here are the free reserved slots of those sessions that still hold their reserve when the run's deadline
//      has passed. When they are fewer than the run needs, the run adds sessions as bench/scheduling/seed.js does:
//      single-day templates on the clinic date (CreateScheduleTemplate), GenerateSessions, then counts again.
//      Skipped with BENCH_SEED_SLOTS=0 (referral creation accepts nothing, so holds nothing)
import grpc from 'k6/net/grpc';
import {
  callOrThrow,
  clock,
  envInt,
  inParallel,
  planOutput,
  PROTO_DIR,
  readJsonFromEnv,
  runUuid,
  SEED_OPTIONS,
  sessionsOfTemplates,
} from '../scheduling/lib/common.js';
import { arrivalSeconds, REFERRAL_ID_KIND, referralsNeeded, runSettings } from './lib/shape.js';

const context = readJsonFromEnv('BENCH_CONTEXT');
const PLAN_OUT = __ENV.BENCH_PLAN_OUT || '';
const SETTINGS = runSettings();
// Referral creation (create.js) also sends residents contracted with no site, and holds no slot.
const OTHER_PATIENTS = envInt('BENCH_OTHER_PATIENTS', 0);
const SEED_SLOTS = envInt('BENCH_SEED_SLOTS', 1) !== 0;
/** Sessions the saga considers (its search's limit). */
const SAGA_SESSIONS = 50;
/** Single-day templates start a minute apart from 07:00, before the demo city's 08:00 clinics. */
const FIRST_START_MINUTE = 7 * 60;

const registry = new grpc.Client();
registry.load([PROTO_DIR], 'medgrid/registry/v1/resident_service.proto', 'google/rpc/error_details.proto');
const scheduling = new grpc.Client();
scheduling.load(
  [PROTO_DIR],
  'medgrid/scheduling/v1/schedule_service.proto',
  'medgrid/scheduling/v1/booking_service.proto',
  'google/rpc/error_details.proto',
);

export const options = SEED_OPTIONS;

const call = (client, method, request, token) => callOrThrow(grpc, client, method, request, token);

/**
 * Contracted residents of the grid, each with the site whose team holds the contract, sites taking turns; and up to
 * `wantOthers` residents of the grid without a contract with any site (referral creation's other patients).
 */
async function gridPatients(c, want, wantOthers) {
  const sites = new Set(c.sites.map((s) => s.institutionId));
  const bySite = new Map(c.sites.map((s) => [s.institutionId, []]));
  const others = [];
  let found = 0;
  let scanned = 0;
  let pageToken = '';
  do {
    const page = await call(
      registry,
      'medgrid.registry.v1.ResidentService/SearchResidents',
      { gridId: c.gridId, pageSize: 500, pageToken },
      c.tokens.operator,
    );
    const residents = (page.residents || []).map((r) => r.residentIdNumber);
    const cares = await inParallel(residents.length, 16, (i) =>
      call(
        registry,
        'medgrid.registry.v1.ResidentService/GetResidentCare',
        { residentIdNumber: residents[i] },
        c.tokens.operator,
      ),
    );
    scanned += residents.length;
    cares.forEach((care, i) => {
      const site = care.contract && care.team ? care.team.institutionId : '';
      if (!sites.has(site)) {
        if (others.length < wantOthers) others.push(residents[i]);
        return;
      }
      bySite.get(site).push(residents[i]);
      found++;
    });
    pageToken = page.nextPageToken || '';
  } while ((found < want || others.length < wantOthers) && pageToken);
  if (found < want) {
    throw new Error(
      `the grid has ${found} residents contracted with the ${sites.size} sites' teams (of ${scanned}), the run needs ${want}: ` +
        'lower BENCH_RATE or the stages, or name more sites (BENCH_SITES)',
    );
  }
  const dealt = [];
  const queues = [...bySite.entries()].map(([site, patients]) => ({ site, patients }));
  for (let turn = 0; dealt.length < want; turn++) {
    for (const q of queues) {
      if (turn < q.patients.length && dealt.length < want)
        dealt.push({ patient: q.patients[turn], site: q.site });
    }
  }
  console.log(
    `seed: ${want} patients from ${scanned} residents of the grid (${found} contracted with the sites)` +
      (wantOthers > 0 ? `, ${others.length} others` : ''),
  );
  return { dealt, others };
}

/** The sessions the saga would look at now, and the free reserved slots among them that last the run. */
async function reservedForTheRun(c, usableAfterMs) {
  const { sessions = [] } = await call(
    scheduling,
    'medgrid.scheduling.v1.BookingService/SearchAvailability',
    {
      institutionId: c.institutionId,
      departmentId: c.department.id,
      fromDate: c.today,
      toDate: c.lastSearchDate,
      pageSize: SAGA_SESSIONS,
    },
    c.tokens.desk,
  );
  const usable = sessions.filter(
    (s) => Date.parse(s.startsAt) > usableAfterMs && Date.parse(s.reserveReleaseAt) > usableAfterMs,
  );
  return {
    sessions: sessions.length,
    usableSessions: usable.length,
    freeReserved: usable.reduce((n, s) => n + Number(s.freeReserved), 0),
    ids: sessions.map((s) => s.id),
  };
}

/** `count` single-day templates on the clinic date from template number `from`, then that date's sessions. */
async function addSessions(c, from, count) {
  const templates = await inParallel(count, 8, (k) =>
    call(
      scheduling,
      'medgrid.scheduling.v1.ScheduleService/CreateScheduleTemplate',
      {
        clientRequestId: runUuid(c.runId, REFERRAL_ID_KIND.template, from + k),
        template: {
          institutionId: c.institutionId,
          departmentId: c.department.id,
          specialtyCode: c.department.specialtyCode,
          weekday: c.weekday,
          startTime: clock(FIRST_START_MINUTE + ((from + k) % 60)),
          endTime: '11:30',
          capacity: c.sessionCapacity,
          validFrom: c.date,
          validUntil: c.date,
        },
      },
      c.tokens.desk,
    ).then((m) => m.template.id),
  );
  await call(
    scheduling,
    'medgrid.scheduling.v1.ScheduleService/GenerateSessions',
    {
      clientRequestId: runUuid(c.runId, REFERRAL_ID_KIND.generate, from),
      institutionId: c.institutionId,
      fromDate: c.date,
      toDate: c.date,
    },
    c.tokens.desk,
  );
  const made = (
    await sessionsOfTemplates(
      grpc,
      scheduling,
      c.tokens.desk,
      { institutionId: c.institutionId, departmentId: c.department.id, fromDate: c.date, toDate: c.date },
      templates,
    )
  ).map((s) => ({ id: s.id, reservedOffered: Number(s.reservedOffered) }));
  if (made.length !== count) throw new Error(`GenerateSessions made ${made.length} of ${count} sessions`);
  return made;
}

export async function setup() {
  const c = context;
  const started = Date.now();
  const need = referralsNeeded(SETTINGS);
  registry.connect(c.registry, { plaintext: true, timeout: '10s' });
  scheduling.connect(c.scheduling, { plaintext: true, timeout: '10s' });

  const { dealt: referrals, others } = await gridPatients(c, need, OTHER_PATIENTS);
  if (!SEED_SLOTS) {
    console.log(`seed: done in ${Date.now() - started} ms (no slots: BENCH_SEED_SLOTS=0)`);
    return plan(c, need, referrals, others, null, null, []);
  }

  // A session counts only if its reserve still holds after the last referral's deadline, the run starting up
  // to the context's margin from now (pgbench and waiting for a quiet machine come first).
  const usableAfterMs =
    Date.now() +
    (c.marginSeconds + SETTINGS.leadSeconds + arrivalSeconds(SETTINGS) + SETTINGS.deadlineSeconds) * 1000;
  const before = await reservedForTheRun(c, usableAfterMs);
  console.log(
    `seed: ${before.freeReserved} free reserved slots in ${before.usableSessions} of the ${before.sessions} sessions the saga sees, ${need} needed`,
  );
  const created = [];
  let after = before;
  if (before.freeReserved < need) {
    // One session first, to learn how many of its slots the hospital reserves.
    created.push(...(await addSessions(c, 0, 1)));
    const perSession = created[0].reservedOffered;
    if (perSession < 1)
      throw new Error(`a session of ${c.sessionCapacity} slots reserves none at this hospital`);
    const more = Math.ceil(Math.max(0, need - before.freeReserved - perSession) / perSession);
    if (more > 0) created.push(...(await addSessions(c, 1, more)));
    after = await reservedForTheRun(c, usableAfterMs);
    console.log(
      `seed: ${created.length} sessions of ${c.sessionCapacity} slots (${perSession} reserved) on ${c.date}; now ${after.freeReserved} free reserved slots`,
    );
    if (after.freeReserved < need) {
      throw new Error(
        `${after.freeReserved} free reserved slots in the ${after.sessions} sessions the saga sees, ${need} needed: ` +
          'earlier sessions with free public seats push new ones past its 50; release earlier runs ' +
          '(scripts/bench-referral.sh --release) or raise BENCH_SESSION_CAPACITY',
      );
    }
  }
  console.log(`seed: done in ${Date.now() - started} ms`);
  return plan(c, need, referrals, others, before, after, created);
}

function plan(c, need, referrals, others, before, after, created) {
  const slots = (x) => x && { sessions: x.sessions, usable: x.usableSessions, freeReserved: x.freeReserved };
  return {
    runId: c.runId,
    referral: c.referral,
    institutionId: c.institutionId,
    groupId: c.groupId,
    department: c.department,
    date: c.date,
    tokens: {
      desk: c.tokens.desk,
      sites: c.sites.map((s) => ({ institutionId: s.institutionId, token: s.token })),
    },
    referrals,
    others,
    capacity: {
      needed: need,
      before: slots(before),
      after: slots(after),
      sessionsCreated: created.map((s) => s.id),
    },
    seededAt: new Date().toISOString(),
  };
}

export default function () {
  // All the work is in setup(); the one iteration has nothing to do.
}

export function handleSummary(data) {
  return planOutput(data, PLAN_OUT);
}
