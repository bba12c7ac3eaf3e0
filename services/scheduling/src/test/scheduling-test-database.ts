import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { schedulingDataSource } from '../database/scheduling-data-source';

/**
 * A fresh database migrated to scheduling's schema for one repository's
 * integration test, on the project's real PostgreSQL; dropped by close().
 */
export class SchedulingTestDatabase {
  readonly uow: UnitOfWork;

  private constructor(private readonly database: MigratedTestDatabase) {
    this.uow = new UnitOfWork(database.dataSource);
  }

  /** `poolSize`: enough connections for a test's concurrent transactions to meet in the database. */
  static async create(label: string, poolSize = 4): Promise<SchedulingTestDatabase> {
    return new SchedulingTestDatabase(
      await MigratedTestDatabase.create(label, (url) => schedulingDataSource(url, poolSize)),
    );
  }

  get dataSource(): DataSource {
    return this.database.dataSource;
  }

  /**
   * Runs `work` in a transaction that stays open, holding the locks `work` took, until `release`
   * is called; `ready` resolves once `work` is done, `done` once the transaction has ended.
   */
  holdOpen(work: () => Promise<unknown>): { ready: Promise<void>; release: () => void; done: Promise<void> } {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const ready = new Promise<void>((resolve) => (started = resolve));
    const done = this.uow.run(async () => {
      await work();
      started();
      await held;
    });
    return { ready, release, done };
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
