import { ConfigError } from '@medgrid/config';
import { loadLabSharingConfig } from './lab-sharing.config';

describe(loadLabSharingConfig.name, () => {
  const env = {
    DATABASE_URL: 'postgres://medgrid:pw@127.0.0.1:5432/medgrid_lab_sharing',
    AUTH_PUBLIC_KEY_FILE: '/tmp/key.pem',
  };

  it('listens on the ports of the lab-sharing service and relays its outbox by default', () => {
    const config = loadLabSharingConfig(env);

    expect(config.GRPC_PORT).toBe(50063);
    expect(config.HTTP_PORT).toBe(3063);
    expect(config.OUTBOX_RELAY_ENABLED).toBe(true);
  });

  it('leaves the relay to another deployment when OUTBOX_RELAY_ENABLED is false', () => {
    expect(loadLabSharingConfig({ ...env, OUTBOX_RELAY_ENABLED: 'false' }).OUTBOX_RELAY_ENABLED).toBe(false);
  });

  it('names the variable that is missing or malformed', () => {
    const act = () =>
      loadLabSharingConfig({ AUTH_PUBLIC_KEY_FILE: '/tmp/key.pem', OUTBOX_RELAY_ENABLED: 'maybe' });

    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/DATABASE_URL/);
    expect(act).toThrow(/OUTBOX_RELAY_ENABLED/);
  });

  it('recounts the recognition gauges every minute over 30 days unless told otherwise', () => {
    expect(loadLabSharingConfig(env)).toMatchObject({
      RECOGNITION_GAUGES_REFRESH_MS: 60_000,
      RECOGNITION_WINDOW_DAYS: 30,
    });
    expect(() => loadLabSharingConfig({ ...env, RECOGNITION_WINDOW_DAYS: '0' })).toThrow(
      /RECOGNITION_WINDOW_DAYS/,
    );
  });
});
