import { schemaDrift } from '@medgrid/database';
import { type MigratedTestDatabase } from '@medgrid/testing';
import { CreateRegistryViewTables1732600000000 } from './registry-view.migration';
import { registryViewTestDatabase } from './test/registry-view-test-database';

describe(CreateRegistryViewTables1732600000000.name, () => {
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await registryViewTestDatabase('registry_view_migration', 1);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("with the residents', cities' and practitioners' migrations, makes the known_* tables exactly as their entities describe them (no drift)", async () => {
    expect(await schemaDrift(database.dataSource)).toEqual([]);
  });
});
