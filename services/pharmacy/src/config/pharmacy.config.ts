import { flag, loadConfig, platformEnv } from '@medgrid/config';

/** Every variable the pharmacy service reads, validated at boot: the platform's and its own. */
export const pharmacyEnv = platformEnv({ grpcPort: 50064, httpPort: 3064 }).extend({
  /** Relay the outbox in this process (false when another deployment of the service relays it). */
  OUTBOX_RELAY_ENABLED: flag(true),
});

export type PharmacyConfig = ReturnType<typeof pharmacyEnv.parse>;

export function loadPharmacyConfig(env: NodeJS.ProcessEnv = process.env): PharmacyConfig {
  return loadConfig('pharmacy', pharmacyEnv, env);
}
