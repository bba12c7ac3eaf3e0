import { flag, loadConfig, platformEnv } from '@medgrid/config';

/** Every variable the payment service reads, validated at boot: the platform's and its own. */
export const paymentEnv = platformEnv({ grpcPort: 50065, httpPort: 3065 }).extend({
  /** Relay the outbox in this process (false when another deployment of the service relays it). */
  OUTBOX_RELAY_ENABLED: flag(true),
});

export type PaymentConfig = ReturnType<typeof paymentEnv.parse>;

export function loadPaymentConfig(env: NodeJS.ProcessEnv = process.env): PaymentConfig {
  return loadConfig('payment', paymentEnv, env);
}
