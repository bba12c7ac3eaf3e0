// Seeds one booking-rush run through the services' own gRPC APIs (never SQL), then writes the
// plan booking-rush.js reads. Run by scripts/bench-scheduling.sh; by hand:
//
//   BENCH_CONTEXT=.bench/scheduling/context.json BENCH_PLAN_OUT=$PWD/.bench/scheduling/plan.json \
//     .cache/go-bin/k6 run bench/scheduling/seed.js
//
// The context (written by the runner) names the hospital, its department, the clinic date, the
// tokens and how much to create. Everything happens in setup(), so the calls can overlap
// (asyncInvoke) and the result reaches handleSummary() as setup_data:
//   1. ScheduleService/CreateScheduleTemplate: one template per session, all on the clinic
//      date's weekday and valid that day only, with distinct start times
//   2. ScheduleService/GenerateSessions for that date
//   3. BookingService/SearchAvailability: the ids of the sessions our templates generated
//   4. ReferralService/CreateReferral: one submitted referral (upward, primary institution ->
//      the hospital) per referral booking the rush will try, each for a registered resident the
//      runner found in the hospital's grid; scheduling learns of each from ReferralSubmitted,
//      which is what lets its patient into the reserved pool
import grpc from 'k6/net/grpc';
import {
  callOrThrow,
  clock,
  ID_KIND,
  inParallel,
  planOutput,
  PROTO_DIR,
  readJsonFromEnv,
  runUuid,
  SEED_OPTIONS,
  sessionsOfTemplates,
} from './lib/common.js';

const context = readJsonFromEnv('BENCH_CONTEXT');
const PLAN_OUT = __ENV.BENCH_PLAN_OUT || '';
// None of them is a green-channel diagnosis: those are accepted at once and would take slots before the rush.
const ICD10_CODES = ['I10', 'E11.9', 'I25.1', 'I69.3', 'J44.1', 'N18.3'];

const scheduling = new grpc.Client();
scheduling.load(
  [PROTO_DIR],
  'medgrid/scheduling/v1/schedule_service.proto',
  'medgrid/scheduling/v1/booking_service.proto',
  'google/rpc/error_details.proto',
);
const referral = new grpc.Client();
referral.load([PROTO_DIR], 'medgrid/referral/v1/referral_service.proto', 'google/rpc/error_details.proto');

export const options = SEED_OPTIONS;

const call = (client, method, request, token) => callOrThrow(grpc, client, method, request, token);

/** Session i starts between 07:00 and 22:00 (distinct minutes) and lasts up to two hours. */
function band(i, count) {
  const first = 7 * 60;
  const span = 15 * 60;
  const start = first + Math.floor((i * span) / count);
  return { startTime: clock(start), endTime: clock(Math.min(start + 120, 23 * 60 + 59)) };
}

export async function setup() {
  const c = context;
  const started = Date.now();
  if (c.sessions < 1 || c.sessions > 900)
    throw new Error('between 1 and 900 sessions per run (distinct start minutes)');
  scheduling.connect(c.scheduling, { plaintext: true, timeout: '10s' });

  const templates = await inParallel(c.sessions, 8, (i) =>
    call(
      scheduling,
      'medgrid.scheduling.v1.ScheduleService/CreateScheduleTemplate',
      {
        clientRequestId: runUuid(c.runId, ID_KIND.template, i),
        template: {
          institutionId: c.institutionId,
          departmentId: c.department.id,
          specialtyCode: c.department.specialtyCode,
          weekday: c.weekday,
          ...band(i, c.sessions),
          capacity: c.capacity,
          validFrom: c.date,
          validUntil: c.date,
        },
      },
      c.tokens.manager,
    ).then((m) => m.template.id),
  );
  console.log(`seed: ${templates.length} templates (${Date.now() - started} ms)`);

  const generated = await call(
    scheduling,
    'medgrid.scheduling.v1.ScheduleService/GenerateSessions',
    {
      clientRequestId: runUuid(c.runId, ID_KIND.generate, 0),
      institutionId: c.institutionId,
      fromDate: c.date,
      toDate: c.date,
    },
    c.tokens.manager,
  );
  console.log(`seed: GenerateSessions created ${generated.created}, kept ${generated.existing}`);

  const sessions = (
    await sessionsOfTemplates(
      grpc,
      scheduling,
      c.tokens.booker,
      { institutionId: c.institutionId, departmentId: c.department.id, fromDate: c.date, toDate: c.date },
      templates,
    )
  ).map((s) => ({
    id: s.id,
    templateId: s.templateId,
    startsAt: s.startsAt,
    capacity: s.capacity,
    reservedOffered: s.reservedOffered,
    freeReserved: s.freeReserved,
    freePublic: s.freePublic,
  }));
  if (sessions.length !== c.sessions) {
    throw new Error(
      `SearchAvailability shows ${sessions.length} sessions of this run's templates, expected ${c.sessions}`,
    );
  }
  console.log(`seed: ${sessions.length} sessions open on ${c.date}`);

  // A referral is for a registered resident: the runner picked them from the registry (context.patients).
  const patients = Array.isArray(c.patients) ? c.patients : [];
  if (patients.length < c.referrals) {
    throw new Error(`the context names ${patients.length} registered patients for ${c.referrals} referrals`);
  }
  referral.connect(c.referral, { plaintext: true, timeout: '10s' });
  const referrers = c.tokens.referrers;
  const referrals = await inParallel(c.referrals, 32, (k) => {
    const from = referrers[k % referrers.length];
    const patient = patients[k];
    return call(
      referral,
      'medgrid.referral.v1.ReferralService/CreateReferral',
      {
        clientRequestId: runUuid(c.runId, ID_KIND.referral, k),
        patientResidentId: patient,
        referringInstitutionId: from.institutionId,
        receivingInstitutionId: c.institutionId,
        direction: 'REFERRAL_DIRECTION_UPWARD',
        icd10Code: ICD10_CODES[k % ICD10_CODES.length],
        reason: '预约放号压测：上转专科门诊 (booking-rush benchmark)',
        // No catalogued indication is claimed, so the catalogue asks for a written justification.
        justification: '预约放号压测：上转专科门诊评估与复查',
      },
      from.token,
    ).then((m) => ({ id: m.referral.id, patient, referringInstitutionId: from.institutionId }));
  });
  console.log(`seed: ${referrals.length} referrals submitted (${Date.now() - started} ms in all)`);

  return {
    runId: c.runId,
    date: c.date,
    scheduling: c.scheduling,
    institutionId: c.institutionId,
    groupId: c.groupId,
    department: c.department,
    tokens: { booker: c.tokens.booker, referrers: referrers },
    templateIds: templates,
    sessions,
    referrals,
    seededAt: new Date().toISOString(),
  };
}

export default function () {
  // All the work is in setup(); the one iteration has nothing to do.
}

export function handleSummary(data) {
  return planOutput(data, PLAN_OUT);
}
