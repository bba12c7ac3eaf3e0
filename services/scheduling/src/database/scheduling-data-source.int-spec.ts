import { schemaDrift, unmappedTables } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { schedulingDataSource } from './scheduling-data-source';

describe(schedulingDataSource.name, () => {
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('scheduling_data_source', (url) =>
      schedulingDataSource(url, 2),
    );
  });

  afterAll(async () => {
    await database?.close();
  });

  it('migrates a fresh database to exactly what the entities describe (no drift)', async () => {
    expect(await schemaDrift(database.dataSource)).toEqual([]);
  });

  it("has an entity for every table its migrations and its libraries' make, so the drift check sees each", async () => {
    expect(await unmappedTables(database.dataSource)).toEqual([]);
  });

  it("maps scheduling's own tables and its libraries'", () => {
    const mapped = database.dataSource.entityMetadatas.map((metadata) => metadata.tableName);

    expect(mapped).toEqual(
      expect.arrayContaining(['clinic_session', 'seat', 'booking', 'bed', 'outbox', 'known_group']),
    );
  });
});
