import { ConfigError } from '@medgrid/config';
import { loadLabSharingConfig } from './lab-sharing.config';

describe(loadLabSharingConfig.name, () => {
  const sut = loadLabSharingConfig;
  const env = {
    DATABASE_URL: 'postgres://medgrid:pw@127.0.0.1:5432/medgrid_lab_sharing',
    AUTH_PUBLIC_KEY_FILE: '/tmp/key.pem',
  };

  it('listens on the ports of the lab-sharing service and relays its outbox by default', () => {
    const config = sut(env);

    expect(config.GRPC_PORT).toBe(50063);
    expect(config.HTTP_PORT).toBe(3063);
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

  it('recounts the recognition gauges every minute over 30 days unless told otherwise', () => {
    expect(sut(env)).toMatchObject({
      RECOGNITION_GAUGES_REFRESH_MS: 60_000,
      RECOGNITION_WINDOW_DAYS: 30,
    });
    expect(() => sut({ ...env, RECOGNITION_WINDOW_DAYS: '0' })).toThrow(/RECOGNITION_WINDOW_DAYS/);
  });

  it('gives the reporting defaults: the turnaround table, a 30-minute claim idle time, 15 minutes to acknowledge', () => {
    const config = sut(env);

    expect(config.TURNAROUND_TARGETS.minutesFor('ecg', 'emergency')).toBe(30);
    expect(config).toMatchObject({ CLAIM_IDLE_SECONDS: 1800, CRITICAL_VALUE_ACK_SECONDS: 900 });
  });

  it('replaces turnaround cells as configured and refuses a table it cannot read, named', () => {
    const config = sut({
      ...env,
      TURNAROUND_TARGETS: 'ecg.emergency=20, imaging.urgent=180',
    });

    expect(config.TURNAROUND_TARGETS.minutesFor('ecg', 'emergency')).toBe(20);
    expect(config.TURNAROUND_TARGETS.minutesFor('imaging', 'urgent')).toBe(180);
    expect(config.TURNAROUND_TARGETS.minutesFor('ecg', 'urgent')).toBe(60);
    expect(() => sut({ ...env, TURNAROUND_TARGETS: 'ecg.soon=5' })).toThrow(/TURNAROUND_TARGETS/);
    expect(() => sut({ ...env, CRITICAL_VALUE_ACK_SECONDS: '0' })).toThrow(/CRITICAL_VALUE_ACK_SECONDS/);
  });
});
