import { type MigratedTestDatabase } from '@medgrid/testing';
import { Client } from 'pg';
import { type DataSource, EntitySchema } from 'typeorm';
import { schemaCheck, schemaDrift, unmappedTables } from './migrations';
import { scratchDatabase } from './test/scratch-database';

/** A table with several array columns: TypeORM reads the type of each with a query of its own. */
const tagged = new EntitySchema({
  name: 'tagged',
  columns: {
    id: { type: 'uuid', primary: true },
    tags: { type: 'text', array: true },
    codes: { type: 'text', array: true },
    labels: { type: 'text', array: true },
  },
});

/** A scratch database whose pool maps `tagged`, with the table made as the entity describes it. */
async function taggedDatabase(label: string): Promise<MigratedTestDatabase> {
  const database = await scratchDatabase(label, [tagged]);
  await database.dataSource.query(`CREATE TABLE tagged (id uuid PRIMARY KEY, tags text[] NOT NULL,
    codes text[] NOT NULL, labels text[] NOT NULL)`);
  return database;
}

describe(schemaDrift.name, () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await taggedDatabase('schema_drift');
    dataSource = database.dataSource;
  });

  afterAll(async () => {
    await database?.close();
  });

  it('reads the schema one query at a time per connection (pg deprecates more: a warning in the check)', async () => {
    // Counts the statements each pg connection has been given and not yet answered.
    const send = Client.prototype.query as unknown as (...args: unknown[]) => Promise<unknown>;
    const waiting = new Map<Client, number>();
    let most = 0;
    function counted(this: Client, ...args: unknown[]): Promise<unknown> {
      const now = (waiting.get(this) ?? 0) + 1;
      waiting.set(this, now);
      most = Math.max(most, now);
      const answer = send.apply(this, args);
      const done = () => waiting.set(this, (waiting.get(this) ?? 1) - 1);
      answer.then(done, done);
      return answer;
    }
    Client.prototype.query = counted as unknown as Client['query'];
    try {
      expect(await schemaDrift(dataSource)).toEqual([]);
    } finally {
      Client.prototype.query = send as unknown as Client['query'];
    }

    expect(most).toBe(1);
  });

  it('reports a difference between the entities and the database', async () => {
    await dataSource.query(`ALTER TABLE tagged DROP COLUMN labels`);

    expect(await schemaDrift(dataSource)).toEqual([expect.stringContaining('"labels"')]);
  });
});

describe(unmappedTables.name, () => {
  const sut = unmappedTables;
  let database: MigratedTestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await taggedDatabase('unmapped_tables');
    dataSource = database.dataSource;
  });

  afterAll(async () => {
    await database?.close();
  });

  it('answers none when every table has an entity, the migrations table apart', async () => {
    const [{ migrations }] = await dataSource.query<[{ migrations: string | null }]>(
      `SELECT to_regclass('schema_migrations')::text AS migrations`,
    );

    expect(migrations).toBe('schema_migrations');
    expect(await sut(dataSource)).toEqual([]);
  });

  it('answers the tables no entity maps, which the drift check cannot see', async () => {
    await dataSource.query(`CREATE TABLE ward (id uuid PRIMARY KEY)`);
    await dataSource.query(`CREATE TABLE bed (id uuid PRIMARY KEY)`);

    expect(await sut(dataSource)).toEqual(['bed', 'ward']);
    expect(await schemaDrift(dataSource)).toEqual([]);
  });
});

describe(schemaCheck.name, () => {
  const sut = schemaCheck;
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await taggedDatabase('schema_check');
  });

  afterAll(async () => {
    await database?.close();
  });

  it('answers the drift, the unmapped tables and the mapped ones together', async () => {
    await database.dataSource.query(`ALTER TABLE tagged DROP COLUMN labels`);
    await database.dataSource.query(`CREATE TABLE ward (id uuid PRIMARY KEY)`);

    expect(await sut(database.dataSource)).toEqual({
      drift: [expect.stringContaining('"labels"')],
      unmapped: ['ward'],
      mapped: ['tagged'],
    });
  });
});
