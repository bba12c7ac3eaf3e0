import { schemaDrift, unmappedTables } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { registryDataSource } from './registry-data-source';

describe(registryDataSource.name, () => {
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('registry_data_source', (url) => registryDataSource(url, 1));
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

  it("maps registry's own tables and its libraries'", () => {
    const mapped = database.dataSource.entityMetadatas.map((metadata) => metadata.tableName);

    expect(mapped).toEqual(
      expect.arrayContaining([
        'city',
        'grid',
        'institution',
        'medical_group',
        'group_membership',
        'department',
        'practitioner',
        'family_doctor_team',
        'team_member',
        'resident',
        'contract',
        'csv_import',
        'outbox',
        'inbox',
        'audit_log',
        'client_request',
      ]),
    );
  });
});
