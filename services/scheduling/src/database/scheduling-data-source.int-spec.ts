import { schemaDrift } from '@medgrid/database';
import { TestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { schedulingDataSource } from './scheduling-data-source';

/** TypeORM's own record of the migrations run. */
const WITHOUT_ENTITY = new Set(['schema_migrations']);

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

  it("has an entity for every table, its own and its libraries', so the drift check sees each of them", async () => {
    const tables = await sut.query<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const mapped = new Set(sut.entityMetadatas.map((metadata) => metadata.tableName));

    const names = tables.map((table) => table.name).filter((name) => !WITHOUT_ENTITY.has(name));

    expect(names.filter((name) => !mapped.has(name))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining(['clinic_session', 'seat', 'booking', 'bed', 'outbox', 'known_group']),
    );
  });

  it('migrates a fresh database to exactly what the entities describe (no drift)', async () => {
    expect(await schemaDrift(sut)).toEqual([]);
  });
});
