import { ConfigError } from '@medgrid/config';
import { loadGatewayConfig } from './gateway.config';

describe(loadGatewayConfig.name, () => {
  const sut = loadGatewayConfig;
  const env = {
    DATABASE_URL: 'postgres://medgrid:pw@127.0.0.1:5432/medgrid_gateway',
    AUTH_PUBLIC_KEY_FILE: '/tmp/key.pem',
  };

  it('listens on the ports of the gateway service and relays its outbox by default', () => {
    const config = sut(env);

    expect(config.GRPC_PORT).toBe(50066);
    expect(config.HTTP_PORT).toBe(3066);
    expect(config.OUTBOX_RELAY_ENABLED).toBe(true);
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
