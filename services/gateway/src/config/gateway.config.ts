import { flag, loadConfig, platformEnv } from '@medgrid/config';

/** Every variable the gateway service reads, validated at boot: the platform's and its own. */
export const gatewayEnv = platformEnv({ grpcPort: 50066, httpPort: 3066 }).extend({
  /** Relay the outbox in this process (false when another deployment of the service relays it). */
  OUTBOX_RELAY_ENABLED: flag(true),
});

export type GatewayConfig = ReturnType<typeof gatewayEnv.parse>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig('gateway', gatewayEnv, env);
}
