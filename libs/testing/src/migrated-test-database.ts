import { type DataSource } from 'typeorm';
import { TestDatabase } from './test-database';

/**
 * A fresh database for one integration test file with a DataSource open on it and its
 * migrations run: what a library's or a repository's integration test stands on. The
 * DataSource comes from `open` (a service's data source, or `createDataSource` of
 * `@medgrid/database` with a library's entities and migrations): this library cannot import
 * `@medgrid/database`, whose own integration tests use it. close() closes the pool and drops
 * the database.
 */
export class MigratedTestDatabase {
  private constructor(
    private readonly database: TestDatabase,
    readonly dataSource: DataSource,
  ) {}

  static async create(label: string, open: (url: string) => DataSource): Promise<MigratedTestDatabase> {
    const database = await TestDatabase.create(label);
    const dataSource = open(database.url);
    try {
      await dataSource.initialize();
      await dataSource.runMigrations();
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
      throw error;
    }
    return new MigratedTestDatabase(database, dataSource);
  }

  /**
   * What `look` reads of a fresh database migrated by the DataSource `open` makes (its schema,
   * say); the database is dropped afterwards, whatever `look` does.
   */
  static async inspect<T>(
    label: string,
    open: (url: string) => DataSource,
    look: (dataSource: DataSource) => Promise<T>,
  ): Promise<T> {
    const database = await MigratedTestDatabase.create(label, open);
    try {
      return await look(database.dataSource);
    } finally {
      await database.close();
    }
  }

  get url(): string {
    return this.database.url;
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.database.drop();
  }
}
