import { type DataSource } from 'typeorm';

export interface MigrationStatus {
  applied: string[];
  pending: string[];
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
  const all = dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
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
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
