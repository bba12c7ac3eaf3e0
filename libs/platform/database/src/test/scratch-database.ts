import { MigratedTestDatabase } from '@medgrid/testing';
import { type EntitySchema } from 'typeorm';
import { createDataSource } from '../create-data-source';

/**
 * A fresh database for one of this library's integration tests, with a pool on it that maps
 * `entities`. No migrations: each test makes the tables it needs.
 */
export function scratchDatabase(
  label: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: (EntitySchema | Function)[] = [],
): Promise<MigratedTestDatabase> {
  return MigratedTestDatabase.create(label, (url) =>
    createDataSource({ url, applicationName: 'database-int', entities, migrations: [] }),
  );
}
