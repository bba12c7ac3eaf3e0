import { flag, loadConfig, platformEnv } from '@medgrid/config';

/** Every variable the lab-sharing service reads, validated at boot: the platform's and its own. */
export const labSharingEnv = platformEnv({ grpcPort: 50063, httpPort: 3063 }).extend({
  /** Relay the outbox in this process (false when another deployment of the service relays it). */
  OUTBOX_RELAY_ENABLED: flag(true),
});

export type LabSharingConfig = ReturnType<typeof labSharingEnv.parse>;

export function loadLabSharingConfig(env: NodeJS.ProcessEnv = process.env): LabSharingConfig {
  return loadConfig('lab-sharing', labSharingEnv, env);
}
