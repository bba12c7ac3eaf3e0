import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { MigratedTestDatabase } from './migrated-test-database';
import { testPostgresAdminUrl } from './test-database';

class CreateWardTable1700000000001 implements MigrationInterface {
  name = 'CreateWardTable1700000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE ward (id uuid PRIMARY KEY)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ward`);
  }
}

const open = (url: string) =>
  new DataSource({ type: 'postgres', url, migrations: [CreateWardTable1700000000001], logging: false });

/** Whether a database of that name is on the test server. */
async function exists(name: string): Promise<boolean> {
  const admin = new Client({ connectionString: testPostgresAdminUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    return rows.length === 1;
  } finally {
    await admin.end();
  }
}

const nameOf = (dataSource: DataSource) =>
  new URL((dataSource.options as { url: string }).url).pathname.slice(1);

describe(MigratedTestDatabase.name, () => {
  const sut = MigratedTestDatabase;

  it('makes a fresh database with its migrations run, and drops it on close', async () => {
    const database = await sut.create('migrated_test_database', open);
    const name = nameOf(database.dataSource);

    expect(await database.dataSource.query(`SELECT to_regclass('ward')::text AS ward`)).toEqual([
      { ward: 'ward' },
    ]);

    await database.close();

    expect(database.dataSource.isInitialized).toBe(false);
    expect(await exists(name)).toBe(false);
  });

  it('inspects a migrated database: answers what the look read, then drops the database', async () => {
    let name = '';

    const read = await sut.inspect('migrated_test_database', open, async (dataSource) => {
      name = nameOf(dataSource);
      return dataSource.query<{ name: string }[]>(`SELECT name FROM migrations`);
    });

    expect(read).toEqual([{ name: 'CreateWardTable1700000000001' }]);
    expect(await exists(name)).toBe(false);
  });

  it('drops the database even when the look fails', async () => {
    let name = '';

    const looked = sut.inspect('migrated_test_database', open, (dataSource) => {
      name = nameOf(dataSource);
      return Promise.reject(new Error('the look failed'));
    });

    await expect(looked).rejects.toThrow('the look failed');
    expect(name).not.toBe('');
    expect(await exists(name)).toBe(false);
  });
});
