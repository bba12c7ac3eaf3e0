import { AsyncLocalStorage } from 'node:async_hooks';
import { type DataSource, type EntityManager } from 'typeorm';
import { type IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/**
 * Runs work in one database transaction and makes its EntityManager the
 * "current" one for everything called inside, so a repository save and the
 * outbox row of the event it causes commit or roll back together.
 */
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(readonly dataSource: DataSource) {}

  run<T>(
    work: (manager: EntityManager) => Promise<T>,
    isolation: IsolationLevel = 'READ COMMITTED',
  ): Promise<T> {
    const outer = this.current.getStore();
    // Nested calls join the outer transaction rather than opening a second one.
    if (outer) return work(outer);
    return this.dataSource.transaction(isolation, (manager) =>
      this.current.run(manager, () => work(manager)),
    );
  }

  /** The transaction's manager when inside `run`, otherwise the pool's. */
  manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  /** The transaction's manager; throws outside `run` (for writes that must be transactional). */
  transactionalManager(): EntityManager {
    const manager = this.current.getStore();
    if (!manager)
      throw new Error('this write must happen inside UnitOfWork.run (same transaction as the state change)');
    return manager;
  }

  inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }
}
