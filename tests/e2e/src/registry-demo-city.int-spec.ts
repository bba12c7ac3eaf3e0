import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TestDatabase } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { migrate, REPO_ROOT } from './service-process';

function loadDemoCity(databaseUrl: string, residents: number) {
  const result = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'services/registry/dist/demo/load-demo-city.js'), '--residents', String(residents)],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The demo city command against a real database: complete, rule-abiding, loaded once. */
describe('demo city loader', () => {
  let db: TestDatabase;
  let sql: PgClient;

  beforeAll(async () => {
    db = await TestDatabase.create('e2e_demo_city');
    expect(migrate('registry', db.url, 'up').code).toBe(0);
    sql = new PgClient({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  it('loads grids, complete groups, teams and residents with contracts, each change in the outbox', async () => {
    const run = loadDemoCity(db.url, 3000);

    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      residents: number;
      contracts: number;
      grids: number;
    };
    expect(report).toMatchObject({ grids: 3, residents: 3000 });
    const counts = (
      await sql.query<Record<string, string>>(`
        SELECT (SELECT count(*) FROM grid) AS grids,
               (SELECT count(*) FROM medical_group) AS groups,
               (SELECT count(*) FROM group_membership WHERE role = 'lead') AS leads,
               (SELECT count(*) FROM resident) AS residents,
               (SELECT count(*) FROM contract WHERE status = 'active') AS contracts,
               (SELECT count(*) FROM outbox WHERE event_type = 'medgrid.registry.v1.ResidentChanged') AS resident_events`)
    ).rows[0]!;
    expect(counts).toEqual({
      grids: '3',
      groups: '3',
      leads: '3',
      residents: '3000',
      contracts: String(report.contracts),
      resident_events: '3000',
    });
  });

  it('does nothing the second time', async () => {
    const run = loadDemoCity(db.url, 3000);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('already loaded');
    expect((await sql.query(`SELECT count(*)::int AS n FROM resident`)).rows[0]).toEqual({ n: 3000 });
  });
});
