import { AsyncLocalStorage } from 'node:async_hooks';
import { type DataSource, type EntityManager } from 'typeorm';
import { type IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

interface Transaction {
  readonly manager: EntityManager;
  readonly afterCommit: (() => void)[];
}

/**
 * Runs work in one database transaction and makes its EntityManager the
 * "current" one for everything called inside, so a repository save and the
 * outbox row of the event it causes commit or roll back together.
 */
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<Transaction>();

  constructor(readonly dataSource: DataSource) {}

  async run<T>(
    work: (manager: EntityManager) => Promise<T>,
    isolation: IsolationLevel = 'READ COMMITTED',
  ): Promise<T> {
    const outer = this.current.getStore();
    // Nested calls join the outer transaction rather than opening a second one.
    if (outer) return work(outer.manager);
    const afterCommit: (() => void)[] = [];
    const inTransaction = (manager: EntityManager) =>
      this.current.run({ manager, afterCommit }, () => work(manager));
    // READ COMMITTED is every session's default (createDataSource sets it), so a transaction at
    // that level is a bare START TRANSACTION: one round trip fewer than START + SET TRANSACTION, on
    // every write of every service.
    const result = await (isolation === 'READ COMMITTED'
      ? this.dataSource.transaction(inTransaction)
      : this.dataSource.transaction(isolation, inTransaction));
    for (const callback of afterCommit) callback();
    return result;
  }

  /**
   * Runs `callback` once the outermost transaction has committed (never after
   * a rollback, so a retried piece of work is counted once); at once outside
   * `run`. For side effects that must not be undone, such as metrics.
   */
  afterCommit(callback: () => void): void {
    const transaction = this.current.getStore();
    if (transaction) transaction.afterCommit.push(callback);
    else callback();
  }

  /** The transaction's manager when inside `run`, otherwise the pool's. */
  manager(): EntityManager {
    return this.current.getStore()?.manager ?? this.dataSource.manager;
  }

  /** The transaction's manager; throws outside `run` (for writes that must be transactional). */
  transactionalManager(): EntityManager {
    const manager = this.current.getStore()?.manager;
    if (!manager)
      throw new Error('this write must happen inside UnitOfWork.run (same transaction as the state change)');
    return manager;
  }

  inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }
}
