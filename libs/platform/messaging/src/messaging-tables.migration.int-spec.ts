import { createDataSource, schemaDrift } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { InboxOrmEntity } from './consumer/inbox.orm-entity';
import { CreateMessagingTables1732300000000 } from './messaging-tables.migration';
import { OutboxOrmEntity } from './outbox/outbox.orm-entity';

describe(CreateMessagingTables1732300000000.name, () => {
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('messaging_tables', (url) =>
      createDataSource({
        url,
        applicationName: 'messaging-int',
        entities: [OutboxOrmEntity, InboxOrmEntity],
        migrations: [CreateMessagingTables1732300000000],
        poolSize: 1,
      }),
    );
  });

  afterAll(async () => {
    await database?.close();
  });

  it('makes the outbox and inbox exactly as their entities describe them (no drift)', async () => {
    expect(await schemaDrift(database.dataSource)).toEqual([]);
  });
});
