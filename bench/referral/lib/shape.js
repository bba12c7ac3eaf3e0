// The shape of a referral end-to-end run, shared by seed.js (how many patients and reserved slots it needs) and
// end-to-end.js (the arrivals and the deadline), so the two never disagree.
import { envInt, ID_KIND } from '../../scheduling/lib/common.js';

// Kinds of client request ids beyond the scheduling benchmark's (templates, GenerateSessions, referrals).
export const REFERRAL_ID_KIND = { ...ID_KIND, accept: 5, cancel: 6, create: 7 };

export function runSettings() {
  const settings = {
    rate: envInt('BENCH_RATE', 20),
    burstFactor: envInt('BENCH_BURST_FACTOR', 2),
    steadySeconds: envInt('BENCH_STEADY_S', 15),
    burstSeconds: envInt('BENCH_BURST_S', 5),
    bursts: envInt('BENCH_BURSTS', 2),
    // A referral not SCHEDULED this long after its accept returned is lost.
    deadlineSeconds: envInt('BENCH_DEADLINE_S', 30),
    // The desk's streams open and settle before the first referral is sent.
    leadSeconds: envInt('BENCH_LEAD_S', 3),
  };
  if (settings.rate < 1 || settings.burstFactor < 1 || settings.steadySeconds < 1) {
    throw new Error('BENCH_RATE, BENCH_BURST_FACTOR and BENCH_STEADY_S must be >= 1');
  }
  return settings;
}

/**
 * ramping-arrival-rate stages from BENCH_RATE: steady, then per burst a one-second ramp to BENCH_BURST_FACTOR
 * times the rate, the burst, a one-second ramp back and steady again.
 */
export function stages(s) {
  const peak = s.rate * s.burstFactor;
  const out = [{ target: s.rate, duration: `${s.steadySeconds}s` }];
  for (let b = 0; b < s.bursts; b++) {
    out.push(
      { target: peak, duration: '1s' },
      { target: peak, duration: `${s.burstSeconds}s` },
      { target: s.rate, duration: '1s' },
      { target: s.rate, duration: `${s.steadySeconds}s` },
    );
  }
  return out;
}

/** Seconds from the first arrival to the last. */
export function arrivalSeconds(s) {
  return s.steadySeconds * (s.bursts + 1) + s.bursts * (s.burstSeconds + 2);
}

/** Referrals the stages send: the integral of the rate (each ramp averages its two ends). */
export function expectedArrivals(s) {
  const peak = s.rate * s.burstFactor;
  return s.rate * s.steadySeconds * (s.bursts + 1) + s.bursts * (s.rate + peak + peak * s.burstSeconds);
}

/** Patients and reserved slots a run asks for: the arrivals and a margin for k6's rounding. */
export function referralsNeeded(s) {
  return Math.ceil(expectedArrivals(s) * 1.05) + 5;
}

/** Put in every referral's reason, so the hospital's stream and the SQL checks find this run's referrals. */
export function runMarker(runId) {
  return `[bench-referral ${runId}]`;
}
