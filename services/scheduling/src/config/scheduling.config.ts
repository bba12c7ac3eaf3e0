import { loadConfig, platformEnv } from '@medgrid/config';

/** Every variable the scheduling service reads, validated at boot (style rule 8). */
export const schedulingEnv = platformEnv({ grpcPort: 50062, httpPort: 3062 });

export type SchedulingConfig = ReturnType<typeof schedulingEnv.parse>;

export function loadSchedulingConfig(env: NodeJS.ProcessEnv = process.env): SchedulingConfig {
  return loadConfig('scheduling', schedulingEnv, env);
}
