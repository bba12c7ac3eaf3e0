import { schemaCheck } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { schedulingDataSource } from './scheduling-data-source';

describe(schedulingDataSource.name, () => {
  const sut = schedulingDataSource;

  it("migrates a fresh database to exactly what its entities describe, with an entity for every table (its own and its libraries')", async () => {
    const schema = await MigratedTestDatabase.inspect(
      'scheduling_data_source',
      (url) => sut(url, 2),
      schemaCheck,
    );

    expect(schema).toMatchObject({ drift: [], unmapped: [] });
    expect(schema.mapped).toEqual(
      expect.arrayContaining(['clinic_session', 'seat', 'booking', 'bed', 'outbox', 'known_group']),
    );
  });
});
