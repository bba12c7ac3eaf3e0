import { DataSource, type MixedList, type EntitySchema } from 'typeorm';

export interface DataSourceSettings {
  /** postgres://user:password@host:port/database */
  url: string;
  /** application_name in pg_stat_activity, e.g. "referral". */
  applicationName: string;
  poolSize?: number;
  // Listed as classes, never globs: globs break under bundling.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/**
 * One DataSource per service. The schema only ever changes through reviewed
 * migrations run by their own command: never `synchronize`, and never
 * `migrationsRun` in app replicas (no cross-replica lock, typeorm#4588).
 */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    applicationName: settings.applicationName,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // TypeORM's own error log prints the failed query with its parameters,
    // which can hold names, ID numbers and phones: errors surface as
    // exceptions and are logged by our handlers without parameters instead.
    logging: false,
    extra: {
      max: settings.poolSize ?? 10,
      // Times are UTC instants end to end; the session zone must not shift them. READ COMMITTED
      // is what UnitOfWork assumes when it opens a transaction without naming a level, whatever
      // the server's default_transaction_isolation says.
      options: '-c TimeZone=UTC -c default_transaction_isolation=read\\ committed',
    },
  });
}
