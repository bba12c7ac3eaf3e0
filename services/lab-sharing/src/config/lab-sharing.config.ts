import { flag, loadConfig, platformEnv } from '@medgrid/config';
import { z } from 'zod';
import { TurnaroundTargets } from '../reporting/domain/turnaround-targets';

/** Every variable the lab-sharing service reads, validated at boot: the platform's and its own. */
export const labSharingEnv = platformEnv({ grpcPort: 50063, httpPort: 3063 }).extend({
  /** Relay the outbox in this process (false when another deployment of the service relays it). */
  OUTBOX_RELAY_ENABLED: flag(true),
  /**
   * Turnaround targets replacing the defaults cell by cell, `<kind>.<urgency>=<minutes>` comma-separated
   * (e.g. `ecg.emergency=20,imaging.urgent=180`); empty for the defaults (an emergency ECG in 30 minutes).
   */
  TURNAROUND_TARGETS: z
    .string()
    .default('')
    .refine(
      (text) => {
        try {
          TurnaroundTargets.parse(text);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be <kind>.<urgency>=<minutes>, comma-separated' },
    )
    .transform((text) => TurnaroundTargets.parse(text)),
  /** Seconds a reporter's claim may stay idle (no save) before another may take it and the sweep releases it. */
  CLAIM_IDLE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(1800),
  /** Seconds the ordering site has to acknowledge a critical value before it escalates (15 minutes by default). */
  CRITICAL_VALUE_ACK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** How often the sweeps release idle claims and escalate unacknowledged critical values. */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** How often the overdue worklist and unacknowledged critical-value gauges are recounted. */
  GAUGE_REFRESH_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** How often the recognition gauges (rate after look-up, repeats avoided) are recounted. */
  RECOGNITION_GAUGES_REFRESH_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** The days of look-ups the recognition gauges count, back from now. */
  RECOGNITION_WINDOW_DAYS: z.coerce.number().int().min(1).max(366).default(30),
});

export type LabSharingConfig = ReturnType<typeof labSharingEnv.parse>;

export function loadLabSharingConfig(env: NodeJS.ProcessEnv = process.env): LabSharingConfig {
  return loadConfig('lab-sharing', labSharingEnv, env);
}
