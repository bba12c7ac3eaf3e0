import { schemaDrift } from '@medgrid/database';
import { TestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { labSharingDataSource } from './lab-sharing-data-source';

// Tables of shared libraries that have no entity yet (messaging's and the registry projection's).
const WITHOUT_ENTITY_YET = (table: string) =>
  ['schema_migrations', 'outbox', 'inbox'].includes(table) || table.startsWith('known_');

describe(labSharingDataSource.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await TestDatabase.create('lab_sharing_data_source');
    dataSource = labSharingDataSource(database.url, 1);
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

    expect(
      tables.map((t) => t.name).filter((name) => !mapped.has(name) && !WITHOUT_ENTITY_YET(name)),
    ).toEqual([]);
  });
});
