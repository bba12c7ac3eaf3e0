// What a referral benchmark's VUs read of the plan seed.js wrote (BENCH_PLAN), shared by end-to-end.js and create.js.
import { SharedArray } from 'k6/data';
import { envString, readJsonFromEnv } from '../../scheduling/lib/common.js';

/** The plan's patients, `{ patient, site }` each, as a SharedArray (call in the init context). */
export function planPatients(name, field) {
  return new SharedArray(name, () => readJsonFromEnv('BENCH_PLAN')[field] || []);
}

/** Everything else a VU needs from the plan, as one small shared record (call in the init context). */
export function planShared() {
  return new SharedArray('shared', () => {
    const plan = readJsonFromEnv('BENCH_PLAN');
    const siteTokens = {};
    for (const s of plan.tokens.sites) siteTokens[s.institutionId] = s.token;
    return [
      {
        runId: plan.runId,
        target: envString('BENCH_TARGET', plan.referral || '127.0.0.1:50061'),
        institutionId: plan.institutionId,
        departmentId: plan.department.id,
        deskToken: plan.tokens.desk,
        sites: plan.tokens.sites.map((s) => s.institutionId),
        siteTokens,
        capacity: plan.capacity,
      },
    ];
  })[0];
}
