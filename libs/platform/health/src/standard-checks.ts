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
