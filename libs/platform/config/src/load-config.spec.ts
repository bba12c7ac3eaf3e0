import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { platformEnv } from './platform-env';

describe(loadConfig.name, () => {
  const sut = loadConfig;

  const schema = platformEnv({ grpcPort: 50051, httpPort: 3001 });
  const validEnv = {
    DATABASE_URL: 'postgres://medgrid:pw@127.0.0.1:5432/medgrid_referral',
    AUTH_PUBLIC_KEY_FILE: '/tmp/key.pem',
  };

  it('fills local defaults for everything but credentials', () => {
    const config = sut('referral', schema, validEnv);

    expect(config.GRPC_PORT).toBe(50051);
    expect(config.HTTP_PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:19092']);
    expect(config.LOG_PRETTY).toBe(false);
  });

  it('names every missing or malformed variable', () => {
    const act = () => sut('referral', schema, { GRPC_PORT: '70000', KAFKA_BROKERS: 'nohost' });

    expect(act).toThrow(ConfigError);
    try {
      act();
    } catch (error) {
      const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
      expect(variables).toEqual(['AUTH_PUBLIC_KEY_FILE', 'DATABASE_URL', 'GRPC_PORT', 'KAFKA_BROKERS.0']);
      expect((error as ConfigError).message).toContain('GRPC_PORT');
    }
  });

  it('splits a broker list and refuses an entry without a port', () => {
    expect(sut('x', schema, { ...validEnv, KAFKA_BROKERS: 'a:1, b:2' }).KAFKA_BROKERS).toEqual([
      'a:1',
      'b:2',
    ]);
    expect(() => sut('x', schema, { ...validEnv, KAFKA_BROKERS: 'a:1,b' })).toThrow(/KAFKA_BROKERS/);
  });

  it('reads flags strictly', () => {
    expect(sut('x', schema, { ...validEnv, LOG_PRETTY: 'true' }).LOG_PRETTY).toBe(true);
    expect(() => sut('x', schema, { ...validEnv, LOG_PRETTY: 'yes' })).toThrow(/LOG_PRETTY/);
  });
});
