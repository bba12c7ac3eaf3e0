import { type DataSource, type QueryRunner } from 'typeorm';

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/**
 * Migration names in the order TypeORM runs them: by the timestamp that ends each name (its last 13 digits), whatever
 * the order a data source lists them in, so the last applied is the schema's version.
 */
export function inRunOrder(names: readonly string[]): string[] {
  const timestamp = (name: string) => Number(/(\d{13})$/.exec(name)?.[1] ?? 0);
  return [...names].sort((a, b) => timestamp(a) - timestamp(b));
}

export async function migrationStatus(dataSource: DataSource): Promise<MigrationStatus> {
  // A fresh database has no migrations table yet. Ask rather than let the
  // query fail: TypeORM would print the failed query into the command's output.
  const [{ exists }] = await dataSource.query<[{ exists: boolean }]>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`,
  );
  const executed = exists
    ? await dataSource.query<{ name: string }[]>(`SELECT name FROM schema_migrations ORDER BY id`)
    : [];
  const applied = new Set(executed.map((row) => row.name));
  const all = inRunOrder(
    dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name),
  );
  return {
    applied: all.filter((name) => applied.has(name)),
    pending: all.filter((name) => !applied.has(name)),
  };
}

/**
 * SQL TypeORM would run to make the database match the entities. Empty after
 * migrating a fresh database means the migrations and the entities agree; CI
 * fails on anything else (schema drift).
 */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const create = dataSource.createQueryRunner.bind(dataSource);
  // The schema builder opens its own query runner; it gets one that sends a query at a time.
  dataSource.createQueryRunner = (mode) => oneQueryAtATime(create(mode));
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  } finally {
    dataSource.createQueryRunner = create;
  }
}

/**
 * Tables of the database's schema that no entity of `dataSource` maps, so schemaDrift cannot see
 * them: every table needs an entity (docs/conventions.md, "Persistence"). TypeORM's own record of
 * the migrations run is not one of them.
 */
export async function unmappedTables(dataSource: DataSource): Promise<string[]> {
  const tables = await dataSource.query<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const mapped = new Set(dataSource.entityMetadatas.map((metadata) => metadata.tableName));
  const migrations = dataSource.options.migrationsTableName ?? 'migrations';
  return tables.map((table) => table.name).filter((name) => name !== migrations && !mapped.has(name));
}

/** A migrated schema against the entities of its data source: what a service's data-source test expects. */
export interface SchemaCheck {
  /** schemaDrift: empty when the migrations make exactly what the entities describe. */
  readonly drift: string[];
  /** unmappedTables: empty when every table has an entity, so the drift check sees each. */
  readonly unmapped: string[];
  /** The tables the entities map, for a service to name its own among them. */
  readonly mapped: string[];
}

export async function schemaCheck(dataSource: DataSource): Promise<SchemaCheck> {
  return {
    drift: await schemaDrift(dataSource),
    unmapped: await unmappedTables(dataSource),
    mapped: dataSource.entityMetadatas.map((metadata) => metadata.tableName),
  };
}

/**
 * TypeORM's PostgreSQL schema reader sends several catalogue queries at once on its one
 * connection (one per array column of a table). pg queues them but deprecates it, so the check
 * printed a warning for a table with two array columns, and pg 9 refuses it.
 */
function oneQueryAtATime(runner: QueryRunner): QueryRunner {
  const send = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let previous: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: unknown[]) => {
    const answer = previous.then(() => send(...args));
    previous = answer.catch(() => undefined);
    return answer;
  }) as QueryRunner['query'];
  return runner;
}
