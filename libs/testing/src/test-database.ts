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

  static async create(label: string): Promise<TestDatabase> {
    const adminUrl = testPostgresAdminUrl();
    const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
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
      await admin.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
