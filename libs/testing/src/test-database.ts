import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Connection URL of the maintenance database the tests may create databases from. */
export function testPostgresAdminUrl(): string {
  const url = process.env.MEDGRID_TEST_PG_URL;
  if (!url) {
    throw new Error(
      'MEDGRID_TEST_PG_URL is not set: run integration tests through scripts/test.sh (it starts PostgreSQL)',
    );
  }
  return url;
}

/**
 * A fresh database for one integration test file, on the real PostgreSQL
 * started by the project: created empty, dropped afterwards.
 */
export class TestDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly adminUrl: string,
  ) {}

  /**
   * `template` names a database to copy (CREATE DATABASE … TEMPLATE): a migrated template makes a migrated
   * database in a tenth of a second, where running the migrations takes seconds.
   */
  static async create(label: string, { template }: { template?: string } = {}): Promise<TestDatabase> {
    const adminUrl = testPostgresAdminUrl();
    const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return new TestDatabase(name, url.toString(), adminUrl);
  }

  async drop(): Promise<void> {
    const admin = new Client({ connectionString: this.adminUrl });
    await admin.connect();
    try {
      await dropDatabase(admin, this.name);
    } finally {
      await admin.end();
    }
  }
}

/** SQLSTATE insufficient_privilege. */
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * DROP … WITH (FORCE) ends the test's own leftover connections, but on PostgreSQL 15 it refuses (42501, "must be a
 * member of the role whose process is being terminated") when an autovacuum worker happens to be in the database,
 * which a freshly written test database often draws: the worker runs as no role the test's role may signal. A plain
 * DROP DATABASE cancels autovacuum itself, so it ends the role's own connections and drops that way instead.
 */
async function dropDatabase(admin: Client, name: string): Promise<void> {
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } catch (error) {
    if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`,
      [name],
    );
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  }
}
