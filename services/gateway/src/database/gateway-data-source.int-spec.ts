import { schemaCheck } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { gatewayDataSource } from './gateway-data-source';

describe(gatewayDataSource.name, () => {
  const sut = gatewayDataSource;

  it('migrates a fresh database to exactly what its entities describe, with an entity for every table', async () => {
    const schema = await MigratedTestDatabase.inspect(
      'gateway_data_source',
      (url) => sut(url, 1),
      schemaCheck,
    );

    expect(schema).toMatchObject({ drift: [], unmapped: [] });
    expect(schema.mapped).toEqual(expect.arrayContaining(['portal_user', 'portal_session']));
  });
});
