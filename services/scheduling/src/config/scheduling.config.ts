import { loadConfig, platformEnv } from '@medgrid/config';
import { z } from 'zod';
import { parseRatio } from '../capacity/domain/reserve-ratio';

const fraction = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => parseRatio(value) !== null, { message: 'must be a fraction n/d with 0 ≤ n ≤ d' })
    .transform((value) => parseRatio(value)!);

/** Every variable the scheduling service reads, validated at boot: a bad one stops the boot, named. */
export const schedulingEnv = platformEnv({ grpcPort: 50062, httpPort: 3062 }).extend({
  /**
   * Floor of outpatient slots reserved for primary care in a city that has set no floor of its own
   * (a city's own floor is set over gRPC, SetCityReserveFloor): national policy asks at least 1/3.
   */
  SLOT_RESERVE_FLOOR: fraction('1/3'),
  /** Floor of inpatient beds for a city with no floor of its own: national policy asks at least 1/4. */
  BED_RESERVE_FLOOR: fraction('1/4'),
  /** Hours before a session when untaken reserved slots move to the public pool, for a hospital that set none. */
  RESERVE_RELEASE_LEAD_HOURS: z.coerce.number().int().min(0).max(168).default(24),
  /** Minutes a HoldSlot keeps a slot when the caller does not say. */
  HOLD_DEFAULT_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /** Minutes a slot offered to the next on a waitlist stays held for them. */
  WAITLIST_OFFER_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  /** Days ahead the referral saga looks for a session. */
  REFERRAL_SEARCH_DAYS: z.coerce.number().int().min(1).max(60).default(14),
  /** How often the sweeper expires holds and releases reserved slots. */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** How often today's daily reports are recomputed for the metrics (every hospital with sessions or wards). */
  REPORT_REFRESH_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
});

export type SchedulingConfig = ReturnType<typeof schedulingEnv.parse>;

export function loadSchedulingConfig(env: NodeJS.ProcessEnv = process.env): SchedulingConfig {
  return loadConfig('scheduling', schedulingEnv, env);
}
