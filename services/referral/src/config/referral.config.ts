import { flag, loadConfig, platformEnv } from '@medgrid/config';

/** Every variable the referral service reads, validated at boot (style rule 8). */
export const referralEnv = platformEnv({ grpcPort: 50061, httpPort: 3061 }).extend({
  OUTBOX_RELAY_ENABLED: flag(true),
});

export type ReferralConfig = ReturnType<typeof referralEnv.parse>;

export function loadReferralConfig(env: NodeJS.ProcessEnv = process.env): ReferralConfig {
  return loadConfig('referral', referralEnv, env);
}
