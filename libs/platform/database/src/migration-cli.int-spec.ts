import { TestDatabase } from '@medgrid/testing';
import { Client } from 'pg';
import { EntitySchema, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createDataSource } from './create-data-source';
import { runMigrationCli } from './migration-cli';

// Two reviewed migrations of one table, listed as classes as a service lists them.
// (The messaging tables' migration cannot be used here: @medgrid/messaging
// depends on this library, and Nx refuses the cycle.)
class CreateWardTable1700000000001 implements MigrationInterface {
  name = 'CreateWardTable1700000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE ward (id uuid PRIMARY KEY, name text NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ward`);
  }
}

class AddWardBeds1700000000002 implements MigrationInterface {
  name = 'AddWardBeds1700000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ward ADD COLUMN beds integer NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ward DROP COLUMN beds`);
  }
}

const BOTH = [CreateWardTable1700000000001, AddWardBeds1700000000002];
const FIRST_ONLY = [CreateWardTable1700000000001];

/** The entity the two migrations build, and one with a column no migration adds. */
const ward = (withWingColumn = false) =>
  new EntitySchema({
    name: 'ward',
    columns: {
      id: { type: 'uuid', primary: true },
      name: { type: 'text' },
      beds: { type: 'integer' },
      ...(withWingColumn ? { wing: { type: 'text' as const } } : {}),
    },
  });

describe(runMigrationCli.name, () => {
  const databases: TestDatabase[] = [];
  let sql: Client | undefined;

  /** A fresh database, with a plain client on it to look at the schema. */
  const freshDatabase = async () => {
    const database = await TestDatabase.create('migration_cli');
    databases.push(database);
    await sql?.end();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    return database;
  };

  /**
   * The CLI as a service's migrate command runs it. The output is what an
   * operator reads: the CLI's lines and anything else printed to the console
   * meanwhile (TypeORM logs failed queries there).
   */
  const migrate = async (
    database: TestDatabase,
    args: string[],
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    migrations: Function[] = BOTH,
    entities: EntitySchema[] = [],
  ) => {
    const output: string[] = [];
    const out = {
      write: (text: string) => {
        output.push(...text.split('\n').filter(Boolean));
        return true;
      },
    } as unknown as typeof process.stdout;
    const consoleSpies = [jest.spyOn(console, 'log'), jest.spyOn(console, 'error')].map((spy) =>
      spy.mockImplementation((...parts: unknown[]) => output.push(parts.map(String).join(' '))),
    );
    const dataSource = createDataSource({
      url: database.url,
      applicationName: 'database-int',
      entities,
      migrations,
      poolSize: 1,
    });
    try {
      const code = await runMigrationCli(dataSource, args, out);
      return { code, output };
    } finally {
      consoleSpies.forEach((spy) => spy.mockRestore());
    }
  };

  const wardColumns = async () =>
    (
      await sql!.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'ward' ORDER BY ordinal_position`,
      )
    ).rows.map((row) => row.column_name);

  afterAll(async () => {
    await sql?.end();
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('applies, reverts and re-applies migrations on a fresh database (up, down, down, up)', async () => {
    const database = await freshDatabase();

    expect(await migrate(database, ['up'])).toEqual({
      code: 0,
      output: ['applied CreateWardTable1700000000001, AddWardBeds1700000000002'],
    });
    expect(await wardColumns()).toEqual(['id', 'name', 'beds']);

    expect(await migrate(database, ['down'])).toEqual({ code: 0, output: ['reverted the last migration'] });
    expect(await wardColumns()).toEqual(['id', 'name']);
    expect(await migrate(database, ['down'])).toEqual({ code: 0, output: ['reverted the last migration'] });
    expect(await wardColumns()).toEqual([]);

    expect(await migrate(database, ['up'])).toEqual({
      code: 0,
      output: ['applied CreateWardTable1700000000001, AddWardBeds1700000000002'],
    });
    expect(await wardColumns()).toEqual(['id', 'name', 'beds']);
    expect(await migrate(database, ['up'])).toEqual({ code: 0, output: ['schema is up to date'] });
  });

  it('lists each migration as applied or pending, and nothing else on a fresh database', async () => {
    const database = await freshDatabase();

    expect(await migrate(database, ['status'])).toEqual({
      code: 0,
      output: ['pending  CreateWardTable1700000000001', 'pending  AddWardBeds1700000000002'],
    });

    await migrate(database, ['up'], FIRST_ONLY);

    expect(await migrate(database, ['status'])).toEqual({
      code: 0,
      output: ['applied  CreateWardTable1700000000001', 'pending  AddWardBeds1700000000002'],
    });
  });

  it('passes the check once every migration is applied, and fails it while one is pending', async () => {
    const database = await freshDatabase();

    expect(await migrate(database, ['check'], FIRST_ONLY)).toEqual({
      code: 1,
      output: ['pending migrations: CreateWardTable1700000000001'],
    });
    await migrate(database, ['up'], FIRST_ONLY);
    expect(await migrate(database, ['check'], FIRST_ONLY)).toEqual({ code: 0, output: [] });

    expect(await migrate(database, ['check'], BOTH)).toEqual({
      code: 1,
      output: ['pending migrations: AddWardBeds1700000000002'],
    });
    await migrate(database, ['up'], BOTH);
    expect(await migrate(database, ['check'], BOTH)).toEqual({ code: 0, output: [] });
  });

  it('fails the check when the entities and the migrated schema differ (drift)', async () => {
    const database = await freshDatabase();
    await migrate(database, ['up'], BOTH);

    expect(await migrate(database, ['check'], BOTH, [ward()])).toEqual({ code: 0, output: [] });

    const drifted = await migrate(database, ['check'], BOTH, [ward(true)]);
    expect(drifted.code).toBe(1);
    expect(drifted.output).toEqual([expect.stringMatching(/^drift: ALTER TABLE "ward" ADD "wing" text/)]);
  });

  it('answers an unknown command with its usage and exit code 2', async () => {
    const database = await freshDatabase();

    expect(await migrate(database, ['sideways'])).toEqual({
      code: 2,
      output: ['usage: migrate <up|down|status|check>'],
    });
  });
});
