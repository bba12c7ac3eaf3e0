import { type TurnaroundTargets } from '../domain/turnaround-targets';

/** The configured rules of reporting: turnaround targets, the claim idle time, the acknowledgement time. */
export class ReportingRules {
  constructor(
    readonly targets: TurnaroundTargets,
    /** A claim with no save for this long may be taken over, and the sweep releases it. */
    readonly claimIdleMs: number,
    /** Minutes a clinician of the ordering site has to acknowledge a critical value (fractions allowed). */
    readonly acknowledgeWithinMinutes: number,
  ) {}
}
