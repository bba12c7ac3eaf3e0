import { schemaDrift } from '@medgrid/database';
import { TestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { referralDataSource } from './referral-data-source';

// TypeORM's own record of the migrations run.
const WITHOUT_ENTITY = (table: string) => table === 'schema_migrations';

describe(referralDataSource.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await TestDatabase.create('referral_data_source');
    dataSource = referralDataSource(database.url, 1);
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('migrates a fresh database to exactly what the entities describe', async () => {
    expect(await schemaDrift(dataSource)).toEqual([]);
  });

  it('has an entity for every table its migrations make, so the drift check sees each', async () => {
    const tables = await dataSource.query<{ name: string }[]>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
    );
    const mapped = new Set(dataSource.entityMetadatas.map((metadata) => metadata.tableName));

    const unmapped = tables.map((t) => t.name).filter((name) => !mapped.has(name) && !WITHOUT_ENTITY(name));

    expect(unmapped).toEqual([]);
    expect([...mapped]).toEqual(
      expect.arrayContaining(['referral', 'referral_history', 'criteria_entry', 'criteria_catalogue_state']),
    );
  });
});
