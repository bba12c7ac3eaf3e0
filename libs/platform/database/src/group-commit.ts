import { AtomicInserts } from './atomic-inserts';
import { type BatchOptions, CallBatcher } from './call-batcher';
import { type UnitOfWork } from './unit-of-work';

/**
 * Rows staged by many callers written by group commit (decision 0014): each caller stages its rows
 * as for AtomicInserts, and a batch of callers' rows is ONE multi-row statement (one insert per
 * table), atomic by itself. A caller's promise resolves once the statement holding its rows has
 * committed, and rejects when it failed (none of its batch's rows is then written). For hot writes
 * that only add rows and need no guard; never inside a transaction, since the rows are written on
 * the pool, apart from it.
 */
export class GroupedInserts {
  private readonly commits: CallBatcher<AtomicInserts>;

  constructor(
    private readonly uow: UnitOfWork,
    options: Partial<BatchOptions> = {},
  ) {
    this.commits = new CallBatcher<AtomicInserts>(async (batch) => {
      const inserts = new AtomicInserts();
      for (const staged of batch) inserts.include(staged);
      // Column by column and prepared: a batch's statement has the same text whatever its size (one per set of
      // tables and row shapes), so PostgreSQL plans it once per connection, not once per batch.
      await inserts.write(this.uow.dataSource.manager, undefined, { columnar: true, prepared: true });
      return batch.map((): void => undefined);
    }, options);
  }

  /** Stages the caller's rows (`stage` throwing stages none) and resolves once they are committed. */
  async write(stage: (inserts: AtomicInserts) => void): Promise<void> {
    if (this.uow.inTransaction()) {
      throw new Error(
        'GroupedInserts: rows are written apart from any transaction; write them outside UnitOfWork.run',
      );
    }
    const own = new AtomicInserts();
    stage(own);
    if (own.size === 0) return;
    await this.commits.add(own);
  }
}
