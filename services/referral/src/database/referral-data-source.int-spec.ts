import { schemaCheck } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { referralDataSource } from './referral-data-source';

describe(referralDataSource.name, () => {
  const sut = referralDataSource;

  it("migrates a fresh database to exactly what its entities describe, with an entity for every table (referral's own among them)", async () => {
    const schema = await MigratedTestDatabase.inspect(
      'referral_data_source',
      (url) => sut(url, 1),
      schemaCheck,
    );

    expect(schema).toMatchObject({ drift: [], unmapped: [] });
    expect(schema.mapped).toEqual(
      expect.arrayContaining(['referral', 'referral_history', 'criteria_entry', 'criteria_catalogue_state']),
    );
  });
});
