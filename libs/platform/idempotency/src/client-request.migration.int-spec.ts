import { createDataSource, schemaDrift } from '@medgrid/database';
import { TestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { CreateClientRequestLog1733500000001 } from './client-request.migration';
import { ClientRequestOrmEntity } from './client-request.orm-entity';

/**
 * The client_request tables services made before this library: registry's (uuid result_id)
 * and scheduling's (text result_id), as their first migrations created them.
 */
const LEGACY_TABLES = {
  registry: `
    CREATE TABLE client_request (
      client_request_id  uuid NOT NULL,
      operation          text NOT NULL,
      result_id          uuid NOT NULL,
      created_at         timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (operation, client_request_id)
    )`,
  scheduling: `
    CREATE TABLE client_request (
      operation          text NOT NULL,
      client_request_id  uuid NOT NULL,
      result_id          text NOT NULL,
      created_at         timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (operation, client_request_id)
    )`,
};

describe(CreateClientRequestLog1733500000001.name, () => {
  const databases: TestDatabase[] = [];
  const dataSources: DataSource[] = [];

  const database = async (label: string) => {
    const db = await TestDatabase.create(`client_request_migration_${label}`);
    databases.push(db);
    const dataSource = createDataSource({
      url: db.url,
      applicationName: 'idempotency-int',
      entities: [ClientRequestOrmEntity],
      migrations: [CreateClientRequestLog1733500000001],
      poolSize: 1,
    });
    dataSources.push(dataSource);
    await dataSource.initialize();
    return dataSource;
  };

  afterAll(async () => {
    for (const dataSource of dataSources) if (dataSource.isInitialized) await dataSource.destroy();
    for (const db of databases) await db.drop();
  });

  it('makes the table the entity describes on a new database', async () => {
    const dataSource = await database('new');

    await dataSource.runMigrations();

    expect(await schemaDrift(dataSource)).toEqual([]);
  });

  it.each(Object.entries(LEGACY_TABLES))(
    "brings %s's own table to the library's shape, keeping its rows",
    async (service, ddl) => {
      const dataSource = await database(service);
      await dataSource.query(ddl);
      await dataSource.query(
        `INSERT INTO client_request (operation, client_request_id, result_id)
         VALUES ('register-city', '0193a000-0000-7000-8000-00000000c001', '0193a000-0000-7000-8000-0000000000aa')`,
      );

      await dataSource.runMigrations();

      expect(await schemaDrift(dataSource)).toEqual([]);
      expect(
        await dataSource.query(
          `SELECT operation, client_request_id, result_id, fingerprint FROM client_request`,
        ),
      ).toEqual([
        {
          operation: 'register-city',
          client_request_id: '0193a000-0000-7000-8000-00000000c001',
          result_id: '0193a000-0000-7000-8000-0000000000aa',
          fingerprint: null,
        },
      ]);
    },
  );
});
