import { metricsRegistry } from '@medgrid/telemetry';
import { type MigratedTestDatabase } from '@medgrid/testing';
import { watchPool } from './pool-metrics';
import { scratchDatabase } from './test/scratch-database';

describe(watchPool.name, () => {
  let database: MigratedTestDatabase;

  const scraped = async (): Promise<Record<string, number>> =>
    Object.fromEntries(
      (await metricsRegistry.getSingleMetric('medgrid_db_pool_connections')!.get()).values.map(
        ({ labels, value }): [string, number] => [String(labels.state), value],
      ),
    );

  beforeAll(async () => {
    database = await scratchDatabase('pool_metrics');
  });

  afterAll(async () => {
    await database?.close();
  });

  it('reports the pool at scrape time: connections held, callers waiting, and nothing once unwatched', async () => {
    const { dataSource } = database;
    const max = (dataSource.driver as unknown as { master: { options: { max: number } } }).master.options.max;
    const unwatch = watchPool(dataSource);

    // Every connection held by a sleeping query, and one caller more waiting for a connection.
    const held = Array.from({ length: max + 1 }, () => dataSource.query(`SELECT pg_sleep(1)`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await scraped()).toEqual({ open: max, idle: 0, waiting: 1, max });

    await Promise.all(held);
    expect(await scraped()).toMatchObject({ open: max, idle: max, waiting: 0 });

    unwatch();
    expect(await scraped()).toEqual({ open: 0, idle: 0, waiting: 0, max: 0 });
  });
});
