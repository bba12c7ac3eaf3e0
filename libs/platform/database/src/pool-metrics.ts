import { scrapedGauge } from '@medgrid/telemetry';
import { type DataSource } from 'typeorm';

/** The counts node-postgres keeps on its Pool (TypeORM's postgres driver holds it as `master`). */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max: number };
}

const watched = new Set<DataSource>();

function poolOf(dataSource: DataSource): PoolCounts | undefined {
  return (dataSource.driver as unknown as { master?: PoolCounts }).master;
}

scrapedGauge(
  'medgrid_db_pool_connections',
  "The service's PostgreSQL pool at scrape time: open (in use + idle), idle, waiting (callers queued for a connection), max",
  ['state'],
  (gauge) => {
    const sum = { open: 0, idle: 0, waiting: 0, max: 0 };
    for (const dataSource of watched) {
      const pool = poolOf(dataSource);
      if (!dataSource.isInitialized || !pool) continue;
      sum.open += pool.totalCount;
      sum.idle += pool.idleCount;
      sum.waiting += pool.waitingCount;
      sum.max += pool.options.max;
    }
    for (const [state, value] of Object.entries(sum)) gauge.set({ state }, value);
  },
);

/** Reports the data source's pool on /metrics until it is destroyed. */
export function watchPool(dataSource: DataSource): () => void {
  watched.add(dataSource);
  return () => watched.delete(dataSource);
}
