import { flag, loadConfig, platformEnv } from '@medgrid/config';
import { z } from 'zod';
import { DEFAULT_SUPPLY_RULES, SUPPLY_DAYS_CEILING } from '../prescribing/domain/supply-rules';

/** Every variable the pharmacy service reads, validated at boot: the platform's and its own. */
export const pharmacyEnv = platformEnv({ grpcPort: 50064, httpPort: 3064 })
  .extend({
    /** Relay the outbox in this process (false when another deployment of the service relays it). */
    OUTBOX_RELAY_ENABLED: flag(true),
    /** Days of supply anyone may be prescribed (30: a long prescription is one of more than a month). */
    ORDINARY_SUPPLY_MAX_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(SUPPLY_DAYS_CEILING)
      .default(DEFAULT_SUPPLY_RULES.ordinaryMaxDays),
    /** The longest long prescription, for an eligible chronic patient (84 days, the national norms' 12 weeks). */
    LONG_PRESCRIPTION_MAX_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(SUPPLY_DAYS_CEILING)
      .default(DEFAULT_SUPPLY_RULES.longMaxDays),
  })
  .superRefine((env, ctx) => {
    if (env.LONG_PRESCRIPTION_MAX_DAYS < env.ORDINARY_SUPPLY_MAX_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['LONG_PRESCRIPTION_MAX_DAYS'],
        message: 'must be at least ORDINARY_SUPPLY_MAX_DAYS',
      });
    }
  });

export type PharmacyConfig = ReturnType<typeof pharmacyEnv.parse>;

export function loadPharmacyConfig(env: NodeJS.ProcessEnv = process.env): PharmacyConfig {
  return loadConfig('pharmacy', pharmacyEnv, env);
}
