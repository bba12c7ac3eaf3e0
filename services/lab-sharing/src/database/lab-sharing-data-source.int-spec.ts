import { schemaCheck } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { labSharingDataSource } from './lab-sharing-data-source';

describe(labSharingDataSource.name, () => {
  const sut = labSharingDataSource;

  it('migrates a fresh database to exactly what its entities describe, with an entity for every table', async () => {
    const schema = await MigratedTestDatabase.inspect(
      'lab_sharing_data_source',
      (url) => sut(url, 1),
      schemaCheck,
    );

    expect(schema).toMatchObject({ drift: [], unmapped: [] });
  });
});
