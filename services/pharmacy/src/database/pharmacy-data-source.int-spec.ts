import { schemaCheck } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { pharmacyDataSource } from './pharmacy-data-source';

describe(pharmacyDataSource.name, () => {
  const sut = pharmacyDataSource;

  it('migrates a fresh database to exactly what its entities describe, with an entity for every table', async () => {
    const schema = await MigratedTestDatabase.inspect(
      'pharmacy_data_source',
      (url) => sut(url, 1),
      schemaCheck,
    );

    expect(schema).toMatchObject({ drift: [], unmapped: [] });
    expect(schema.mapped).toEqual(
      expect.arrayContaining([
        'drug_catalogue',
        'drug_version',
        'drug_catalogue_change',
        'formulary_item',
        'stock_balance',
        'stock_movement',
      ]),
    );
  });
});
