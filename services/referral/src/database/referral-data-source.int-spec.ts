import { schemaDrift, unmappedTables } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { referralDataSource } from './referral-data-source';

describe(referralDataSource.name, () => {
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('referral_data_source', (url) => referralDataSource(url, 1));
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

  it("maps referral's own tables", () => {
    const mapped = database.dataSource.entityMetadatas.map((metadata) => metadata.tableName);

    expect(mapped).toEqual(
      expect.arrayContaining(['referral', 'referral_history', 'criteria_entry', 'criteria_catalogue_state']),
    );
  });
});
