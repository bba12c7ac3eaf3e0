import { loadConfig, platformEnv } from '@medgrid/config';

/** Every variable the registry service reads, validated at boot (style rule 8). */
export const registryEnv = platformEnv({ grpcPort: 50060, httpPort: 3060 });

export type RegistryConfig = ReturnType<typeof registryEnv.parse>;

export function loadRegistryConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  return loadConfig('registry', registryEnv, env);
}
