import { schemaCheck } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { registryDataSource } from './registry-data-source';

describe(registryDataSource.name, () => {
  const sut = registryDataSource;

  it("migrates a fresh database to exactly what its entities describe, with an entity for every table (its own and its libraries')", async () => {
    const schema = await MigratedTestDatabase.inspect(
      'registry_data_source',
      (url) => sut(url, 1),
      schemaCheck,
    );

    expect(schema).toMatchObject({ drift: [], unmapped: [] });
    expect(schema.mapped).toEqual(
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
