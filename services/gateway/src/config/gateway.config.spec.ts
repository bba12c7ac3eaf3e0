import { ConfigError } from '@medgrid/config';
import { loadGatewayConfig, oidcSettings } from './gateway.config';

describe(loadGatewayConfig.name, () => {
  const sut = loadGatewayConfig;
  const env = {
    DATABASE_URL: 'postgres://medgrid:pw@127.0.0.1:5432/medgrid_gateway',
    AUTH_PUBLIC_KEY_FILE: '/tmp/key.pem',
    AUTH_SIGNING_KEY_FILE: '/tmp/private.pem',
    CSRF_SECRET_FILE: '/tmp/csrf-secret',
  };

  it('listens on the ports of the gateway service and relays its outbox by default', () => {
    const config = sut(env);

    expect(config.GRPC_PORT).toBe(50066);
    expect(config.HTTP_PORT).toBe(3066);
    expect(config.OUTBOX_RELAY_ENABLED).toBe(true);
  });

  it('keeps sessions 30 minutes idle and 12 hours at most, and locks after 5 failures for 15 minutes, by default', () => {
    const config = sut(env);

    expect(config).toMatchObject({
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_MINUTES: 720,
      LOCKOUT_MAX_FAILURES: 5,
      LOCKOUT_MINUTES: 15,
      COOKIE_SECURE: 'auto',
      REFERRAL_GRPC_ADDRESS: '127.0.0.1:50061',
    });
  });

  it('leaves the relay to another deployment when OUTBOX_RELAY_ENABLED is false', () => {
    expect(sut({ ...env, OUTBOX_RELAY_ENABLED: 'false' }).OUTBOX_RELAY_ENABLED).toBe(false);
  });

  it('names the variable that is missing or malformed', () => {
    const act = () => sut({ AUTH_PUBLIC_KEY_FILE: '/tmp/key.pem', OUTBOX_RELAY_ENABLED: 'maybe' });

    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/DATABASE_URL/);
    expect(act).toThrow(/OUTBOX_RELAY_ENABLED/);
  });
});

describe(oidcSettings.name, () => {
  const base = loadGatewayConfig({
    DATABASE_URL: 'postgres://medgrid:pw@127.0.0.1:5432/medgrid_gateway',
    AUTH_PUBLIC_KEY_FILE: '/tmp/key.pem',
    AUTH_SIGNING_KEY_FILE: '/tmp/private.pem',
    CSRF_SECRET_FILE: '/tmp/csrf-secret',
  });

  it('is null when no OIDC variable is set', () => {
    expect(oidcSettings(base)).toBeNull();
  });

  it('answers the four settings when all are set', () => {
    const config = {
      ...base,
      OIDC_ISSUER_URL: 'https://id.example.gov.cn',
      OIDC_CLIENT_ID: 'portal',
      OIDC_CLIENT_SECRET: 's',
      OIDC_REDIRECT_URI: 'https://portal.example.gov.cn/api/auth/oidc/callback',
    };

    expect(oidcSettings(config)).toEqual({
      issuerUrl: 'https://id.example.gov.cn',
      clientId: 'portal',
      clientSecret: 's',
      redirectUri: 'https://portal.example.gov.cn/api/auth/oidc/callback',
    });
  });

  it('refuses a partial set', () => {
    expect(() => oidcSettings({ ...base, OIDC_ISSUER_URL: 'https://id.example.gov.cn' })).toThrow(
      /set together/,
    );
  });
});
