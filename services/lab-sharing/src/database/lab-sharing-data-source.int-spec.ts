import { schemaDrift, unmappedTables } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { labSharingDataSource } from './lab-sharing-data-source';

describe(labSharingDataSource.name, () => {
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_data_source', (url) =>
      labSharingDataSource(url, 1),
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
});
