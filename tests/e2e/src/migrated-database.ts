import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TestDatabase, testPostgresAdminUrl } from '@medgrid/testing';
import { Client } from 'pg';
import { migrateUp, REPO_ROOT } from './service-process';

/** How long a template of an older build is kept for another clone or worktree still running it. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * A fresh database for a process of `service`, as its own built migrations leave it: a copy of a template database
 * those migrations made once (CREATE DATABASE … TEMPLATE takes about 0.1 s where running them takes about 1.8 s, and
 * the suites, the fuzzer, the access walk and the crash suite make over a hundred). The template is named for a hash
 * of the built code the migrations come from, so a changed migration makes a new one, and clones sharing one
 * PostgreSQL each find their own. Each service keeps a test that migrates an empty database itself.
 */
export async function migratedDatabase(service: string, label: string): Promise<TestDatabase> {
  return TestDatabase.create(label, { template: await migratedTemplate(service) });
}

const templates = new Map<string, Promise<string>>();

function migratedTemplate(service: string): Promise<string> {
  let template = templates.get(service);
  if (!template) {
    template = makeTemplate(service);
    templates.set(service, template);
    // A failure is reported to the callers waiting now; the next caller tries again.
    template.catch(() => templates.delete(service));
  }
  return template;
}

async function makeTemplate(service: string): Promise<string> {
  const prefix = `t_template_${service.replace(/-/g, '_')}_`;
  const name = `${prefix}${builtMigrationsHash(service)}`;
  const admin = new Client({ connectionString: testPostgresAdminUrl() });
  await admin.connect();
  try {
    // Jest workers and clones sharing the PostgreSQL make a template once: the first to hold the lock makes it.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await dropStaleTemplates(admin, prefix, name);
      // Migrated under another name and renamed when done, so a run killed halfway leaves no half-made template.
      const making = await TestDatabase.create(`making_${service.replace(/-/g, '_')}`);
      try {
        migrateUp(service, making.url);
      } catch (error) {
        await making.drop();
        throw error;
      }
      await admin.query(`ALTER DATABASE "${making.name}" RENAME TO "${name}"`);
      // Nothing connects to it, autovacuum included, so a copy never finds it in use.
      await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
      await admin.query(`COMMENT ON DATABASE "${name}" IS '${new Date().toISOString()}'`);
    }
    return name;
  } finally {
    await admin.end(); // and with it the lock
  }
}

/** The service's templates of older builds, made more than a day ago. */
async function dropStaleTemplates(admin: Client, prefix: string, current: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string; made: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS made FROM pg_database
      WHERE starts_with(datname, $1) AND datname <> $2`,
    [prefix, current],
  );
  for (const { datname, made } of rows) {
    if (made !== null && Date.now() - Date.parse(made) < STALE_AFTER_MS) continue;
    // One still being copied stays for the next time.
    await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
  }
}

/**
 * A hash of what the migrations are built from: the service's dist/database and every library's dist (the platform's
 * outbox, inbox, audit, request-log and registry-view tables come from the libraries).
 */
function builtMigrationsHash(service: string): string {
  const hash = createHash('sha256');
  const roots = [
    join(REPO_ROOT, 'services', service, 'dist', 'database'),
    ...libraryDists(join(REPO_ROOT, 'libs')),
  ];
  for (const root of roots) {
    if (!existsSync(root))
      throw new Error(`${relative(REPO_ROOT, root)} is missing: build first (nx run-many -t build)`);
    for (const file of filesUnder(root).filter((path) => path.endsWith('.js'))) {
      hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function libraryDists(dir: string): string[] {
  if (existsSync(join(dir, 'package.json'))) return existsSync(join(dir, 'dist')) ? [join(dir, 'dist')] : [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
    .flatMap((entry) => libraryDists(join(dir, entry.name)));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
