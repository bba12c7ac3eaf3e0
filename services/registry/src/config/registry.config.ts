import { loadConfig, platformEnv } from '@medgrid/config';
import { z } from 'zod';

/** Every variable the registry service reads, validated at boot: a bad one stops the boot, named. */
export const registryEnv = platformEnv({ grpcPort: 50060, httpPort: 3060 }).extend({
  /** Months a family-doctor contract (and a renewal) runs. */
  CONTRACT_TERM_MONTHS: z.coerce.number().int().min(1).max(60).default(12),
  /** Age from which a resident counts as elderly (national basic public health service: 65). */
  ELDERLY_AGE: z.coerce.number().int().min(50).max(90).default(65),
  /** Age up to which a resident counts as a child (0-6 child health management). */
  CHILD_MAX_AGE: z.coerce.number().int().min(0).max(18).default(6),
});

export type RegistryConfig = ReturnType<typeof registryEnv.parse>;

export function loadRegistryConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  return loadConfig('registry', registryEnv, env);
}
