import { ConfigError } from '@medgrid/config';
import { loadPharmacyConfig } from './pharmacy.config';

describe(loadPharmacyConfig.name, () => {
  const sut = loadPharmacyConfig;
  const env = {
    DATABASE_URL: 'postgres://medgrid:pw@127.0.0.1:5432/medgrid_pharmacy',
    AUTH_PUBLIC_KEY_FILE: '/tmp/key.pem',
  };

  it('listens on the ports of the pharmacy service and relays its outbox by default', () => {
    const config = sut(env);

    expect(config.GRPC_PORT).toBe(50064);
    expect(config.HTTP_PORT).toBe(3064);
    expect(config.OUTBOX_RELAY_ENABLED).toBe(true);
  });

  it('leaves the relay to another deployment when OUTBOX_RELAY_ENABLED is false', () => {
    expect(sut({ ...env, OUTBOX_RELAY_ENABLED: 'false' }).OUTBOX_RELAY_ENABLED).toBe(false);
  });

  it('allows 30 days of supply to anyone and long prescriptions up to 12 weeks by default', () => {
    expect(sut(env)).toMatchObject({ ORDINARY_SUPPLY_MAX_DAYS: 30, LONG_PRESCRIPTION_MAX_DAYS: 84 });
  });

  it("takes a city's limits, and refuses a long maximum below the ordinary one or beyond a year, named", () => {
    expect(sut({ ...env, ORDINARY_SUPPLY_MAX_DAYS: '60', LONG_PRESCRIPTION_MAX_DAYS: '90' })).toMatchObject({
      ORDINARY_SUPPLY_MAX_DAYS: 60,
      LONG_PRESCRIPTION_MAX_DAYS: 90,
    });
    expect(() => sut({ ...env, ORDINARY_SUPPLY_MAX_DAYS: '60', LONG_PRESCRIPTION_MAX_DAYS: '56' })).toThrow(
      /LONG_PRESCRIPTION_MAX_DAYS/,
    );
    expect(() => sut({ ...env, LONG_PRESCRIPTION_MAX_DAYS: '366' })).toThrow(/LONG_PRESCRIPTION_MAX_DAYS/);
    expect(() => sut({ ...env, ORDINARY_SUPPLY_MAX_DAYS: '0' })).toThrow(/ORDINARY_SUPPLY_MAX_DAYS/);
  });

  it('names the variable that is missing or malformed', () => {
    const act = () => sut({ AUTH_PUBLIC_KEY_FILE: '/tmp/key.pem', OUTBOX_RELAY_ENABLED: 'maybe' });

    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/DATABASE_URL/);
    expect(act).toThrow(/OUTBOX_RELAY_ENABLED/);
  });
});
