import { flag, loadConfig, platformEnv } from '@medgrid/config';
import { z } from 'zod';

const minutes = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(fallback);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** Every variable the gateway service reads, validated at boot: the platform's and its own. */
export const gatewayEnv = platformEnv({ grpcPort: 50066, httpPort: 3066 }).extend({
  /** Relay the outbox in this process (false when another deployment of the service relays it). */
  OUTBOX_RELAY_ENABLED: flag(true),
  /**
   * The private key (PKCS#8 PEM) the gateway signs its per-user service tokens with: the key
   * whose public half the services trust (AUTH_PUBLIC_KEY_FILE).
   */
  AUTH_SIGNING_KEY_FILE: z.string().min(1).default('/etc/medgrid/signing/private.pem'),
  /** How long a service token lives; one is minted per user and reused until half of it is gone. */
  SERVICE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  REGISTRY_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50060'),
  REFERRAL_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50061'),
  SCHEDULING_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50062'),
  LAB_SHARING_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50063'),
  PHARMACY_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50064'),
  PAYMENT_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50065'),
  /** A session unused this long is over. */
  SESSION_IDLE_MINUTES: minutes(30),
  /** A session is over this long after sign-in, however much it is used. */
  SESSION_ABSOLUTE_MINUTES: minutes(12 * 60),
  /** Failed sign-ins in a row that lock an account... */
  LOCKOUT_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** ...for this long. */
  LOCKOUT_MINUTES: minutes(15),
  /** `auto`: Secure cookies when the request came over https (behind a proxy, with TRUST_PROXY). */
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Trust X-Forwarded-* from the proxy in front (the client's address and https). */
  TRUST_PROXY: flag(false),
  /** A file holding the HMAC secret of the CSRF tokens (at least 32 characters); every replica shares it. */
  CSRF_SECRET_FILE: z.string().min(1).default('/etc/medgrid/csrf/secret'),
  /** Requests a signed-in user (or an address, before sign-in) may make a minute. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  /** argon2id memory cost in KiB (OWASP: 19 MiB at least; the library's default 64 MiB). */
  PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(1024).max(1_048_576).default(65_536),
  /** OpenID Connect sign-in, all or none: the issuer, the client and where the provider returns. */
  OIDC_ISSUER_URL: optionalText,
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_REDIRECT_URI: optionalText,
});

export type GatewayConfig = ReturnType<typeof gatewayEnv.parse>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig('gateway', gatewayEnv, env);
}

/** The OIDC settings when all four are set, null when none is; a partial set is refused at boot. */
export function oidcSettings(
  config: GatewayConfig,
): { issuerUrl: string; clientId: string; clientSecret: string; redirectUri: string } | null {
  const values = [
    config.OIDC_ISSUER_URL,
    config.OIDC_CLIENT_ID,
    config.OIDC_CLIENT_SECRET,
    config.OIDC_REDIRECT_URI,
  ];
  if (values.every((value) => value === undefined)) return null;
  if (values.some((value) => value === undefined)) {
    throw new Error(
      'gateway: OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI are set together or not at all',
    );
  }
  return {
    issuerUrl: config.OIDC_ISSUER_URL!,
    clientId: config.OIDC_CLIENT_ID!,
    clientSecret: config.OIDC_CLIENT_SECRET!,
    redirectUri: config.OIDC_REDIRECT_URI!,
  };
}
