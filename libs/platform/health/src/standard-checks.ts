import { migrationStatus } from '@medgrid/database';
import { type DataSource } from 'typeorm';
import { type ReadinessCheck } from './readiness';

/** The database answers and every migration this build knows is applied. */
export function databaseCheck(dataSource: DataSource): ReadinessCheck {
  return {
    name: 'database',
    async check() {
      await dataSource.query('SELECT 1');
      const { pending } = await migrationStatus(dataSource);
      return pending.length ? `pending migrations: ${pending.join(', ')}` : null;
    },
  };
}

/** The Kafka producer is connected to the brokers. */
export function brokerCheck(isConnected: () => boolean): ReadinessCheck {
  return {
    name: 'kafka',
    check: () => Promise.resolve(isConnected() ? null : 'producer is not connected to the brokers'),
  };
}

/**
 * The service's Kafka consumer has joined its group and consumes. Not required: after a crash the group waits for
 * the dead member's session to expire (up to its session timeout) before it lets the new one in, and the service
 * serves calls meanwhile; what it consumes is applied once it has joined (MedGridConsumerLagHigh watches that).
 */
export function consumerCheck(problem: () => string | null): ReadinessCheck {
  return { name: 'consumer', required: false, check: () => Promise.resolve(problem()) };
}
