import { schemaDrift } from '@medgrid/database';
import { TestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { schedulingDataSource } from './scheduling-data-source';

/**
 * Tables the migrations make that belong to libraries: the messaging library's outbox and inbox,
 * the client request log of @medgrid/idempotency and the registry projections of
 * @medgrid/registry-view.
 */
const NOT_SCHEDULINGS = new Set([
  'schema_migrations',
  'outbox',
  'inbox',
  'client_request',
  'known_institution',
  'known_department',
  'known_team',
  'known_contract',
  'known_group',
  'known_grid',
  'known_city',
  'known_resident',
]);

describe(schedulingDataSource.name, () => {
  let database: TestDatabase;
  let sut: DataSource;

  beforeAll(async () => {
    database = await TestDatabase.create('scheduling_data_source');
    sut = schedulingDataSource(database.url, 2);
    await sut.initialize();
    await sut.runMigrations();
  });

  afterAll(async () => {
    if (sut?.isInitialized) await sut.destroy();
    await database?.drop();
  });

  it('has an entity for every table of scheduling, so the drift check sees each of them', async () => {
    const tables = await sut.query<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const mapped = new Set(sut.entityMetadatas.map((metadata) => metadata.tableName));

    const schedulings = tables.map((table) => table.name).filter((name) => !NOT_SCHEDULINGS.has(name));

    expect(schedulings.filter((name) => !mapped.has(name))).toEqual([]);
    expect(schedulings).toEqual(expect.arrayContaining(['clinic_session', 'seat', 'booking', 'bed']));
  });

  it('migrates a fresh database to exactly what the entities describe (no drift)', async () => {
    expect(await schemaDrift(sut)).toEqual([]);
  });
});
