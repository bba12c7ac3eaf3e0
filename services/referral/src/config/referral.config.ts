import { flag, loadConfig, platformEnv } from '@medgrid/config';
import { z } from 'zod';

/** Every variable the referral service reads, validated at boot: a bad one stops the boot, named. */
export const referralEnv = platformEnv({ grpcPort: 50061, httpPort: 3061 }).extend({
  OUTBOX_RELAY_ENABLED: flag(true),
  /** Hours the receiving hospital has to complete a referred visit (the 48-hour rule, docs/domain.md). */
  REFERRAL_DEADLINE_HOURS: z.coerce.number().int().min(1).max(720).default(48),
  /** Days after submission when an upward referral whose patient never came expires. */
  REFERRAL_EXPIRY_DAYS: z.coerce.number().int().min(1).max(180).default(14),
  /** How often deadlines and expiries are swept. */
  DEADLINE_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** How often the referral-count gauges are recomputed. */
  REPORT_REFRESH_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** How often a WatchReferrals stream looks for new changes. */
  WATCH_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
});

export type ReferralConfig = ReturnType<typeof referralEnv.parse>;

export function loadReferralConfig(env: NodeJS.ProcessEnv = process.env): ReferralConfig {
  return loadConfig('referral', referralEnv, env);
}
