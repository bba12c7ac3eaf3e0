import { type MigratedTestDatabase } from '@medgrid/testing';
import { type DataSource, type EntityManager } from 'typeorm';
import { createDataSource } from './create-data-source';
import { UnitOfWork } from './unit-of-work';
import { scratchDatabase } from './test/scratch-database';

describe(UnitOfWork.name, () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let sut: UnitOfWork;

  const insert = (manager: EntityManager, note: string) =>
    manager.query(`INSERT INTO ledger_entry (note) VALUES ($1)`, [note]);
  /** Committed rows, read on another pooled connection than any transaction's. */
  const committedNotes = async () =>
    (await dataSource.query<{ note: string }[]>(`SELECT note FROM ledger_entry ORDER BY id`)).map(
      (row) => row.note,
    );
  const transactionId = async (manager: EntityManager) =>
    (await manager.query<{ id: string }[]>(`SELECT txid_current()::text AS id`))[0]!.id;

  beforeAll(async () => {
    database = await scratchDatabase('unit_of_work');
    dataSource = database.dataSource;
    await dataSource.query(
      `CREATE TABLE ledger_entry (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text NOT NULL)`,
    );
    sut = new UnitOfWork(dataSource);
  });

  beforeEach(async () => {
    await dataSource.query(`TRUNCATE ledger_entry`);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('commits the work as one transaction that others see only once it is done', async () => {
    const seenDuringWork = await sut.run(async (manager) => {
      await insert(manager, 'slot held');
      await insert(manager, 'bed held');
      return committedNotes();
    });

    expect(seenDuringWork).toEqual([]);
    expect(await committedNotes()).toEqual(['slot held', 'bed held']);
  });

  it('runs after-commit callbacks once the outermost transaction committed, and never after a rollback', async () => {
    const calls: string[] = [];

    await sut.run(async (manager) => {
      await insert(manager, 'bed assigned');
      await sut.run(() => {
        sut.afterCommit(() => calls.push('nested'));
        return Promise.resolve();
      });
      sut.afterCommit(() => calls.push('outer'));
      expect(calls).toEqual([]);
    });
    await expect(
      sut.run(() => {
        sut.afterCommit(() => calls.push('rolled back'));
        return Promise.reject(new Error('no bed'));
      }),
    ).rejects.toThrow('no bed');
    sut.afterCommit(() => calls.push('outside'));

    expect(calls).toEqual(['nested', 'outer', 'outside']);
    expect(await committedNotes()).toEqual(['bed assigned']);
  });

  it('rolls back every write when the work throws, and rethrows the error', async () => {
    const failure = new Error('the referral could not be accepted');

    await expect(
      sut.run(async (manager) => {
        await insert(manager, 'slot held');
        await insert(manager, 'bed held');
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(await committedNotes()).toEqual([]);
  });

  it('joins the outer transaction in a nested run, whose writes roll back with the outer ones', async () => {
    const failure = new Error('the outer work failed after the nested run');
    let outerManager: EntityManager | undefined;
    let innerManager: EntityManager | undefined;
    const transactionIds: string[] = [];

    await expect(
      sut.run(async (outer) => {
        outerManager = outer;
        await insert(outer, 'outer');
        transactionIds.push(await transactionId(outer));
        await sut.run(async (inner) => {
          innerManager = inner;
          await insert(inner, 'nested');
          transactionIds.push(await transactionId(inner));
        });
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(innerManager).toBe(outerManager);
    expect(new Set(transactionIds).size).toBe(1);
    expect(await committedNotes()).toEqual([]);
  });

  it('rolls back the outer writes too when a nested run throws', async () => {
    const failure = new Error('the nested work failed');

    await expect(
      sut.run(async (outer) => {
        await insert(outer, 'outer');
        await sut.run(async (inner) => {
          await insert(inner, 'nested');
          throw failure;
        });
      }),
    ).rejects.toBe(failure);

    expect(await committedNotes()).toEqual([]);
  });

  it('keeps concurrent runs in separate transactions: one failing leaves the other committed', async () => {
    const failure = new Error('the second referral failed');
    const transactionIds: string[] = [];

    const outcomes = await Promise.allSettled([
      sut.run(async (manager) => {
        await insert(manager, 'first');
        transactionIds.push(await transactionId(manager));
        await new Promise((resolve) => setTimeout(resolve, 50));
        await insert(sut.transactionalManager(), 'first, later');
      }),
      sut.run(async (manager) => {
        await insert(manager, 'second');
        transactionIds.push(await transactionId(manager));
        throw failure;
      }),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    expect(new Set(transactionIds).size).toBe(2);
    expect(await committedNotes()).toEqual(['first', 'first, later']);
  });

  it("hands out the transaction's manager inside run, and refuses a transactional manager outside it", async () => {
    expect(sut.inTransaction()).toBe(false);
    expect(sut.manager()).toBe(dataSource.manager);
    expect(() => sut.transactionalManager()).toThrow(/inside UnitOfWork\.run/);

    const inside = await sut.run((manager) =>
      Promise.resolve({
        inTransaction: sut.inTransaction(),
        current: sut.manager() === manager,
        transactional: sut.transactionalManager() === manager,
      }),
    );

    expect(inside).toEqual({ inTransaction: true, current: true, transactional: true });
    expect(() => sut.transactionalManager()).toThrow(/inside UnitOfWork\.run/);
  });

  it('runs at READ COMMITTED unless told another isolation level', async () => {
    const isolation = (manager: EntityManager) =>
      manager
        .query<{ transaction_isolation: string }[]>(`SHOW transaction_isolation`)
        .then((rows) => rows[0]!.transaction_isolation);

    expect(await sut.run(isolation)).toBe('read committed');
    expect(await sut.run(isolation, 'SERIALIZABLE')).toBe('serializable');
  });

  it('runs at READ COMMITTED even where the server defaults to another level (the data source sets it)', async () => {
    const name = new URL(database.url).pathname.slice(1);
    await dataSource.query(`ALTER DATABASE "${name}" SET default_transaction_isolation = 'serializable'`);
    const other = createDataSource({
      url: database.url,
      applicationName: 'database-int',
      entities: [],
      migrations: [],
    });
    await other.initialize();
    try {
      const level = await new UnitOfWork(other).run((manager) =>
        manager.query<{ transaction_isolation: string }[]>(`SHOW transaction_isolation`),
      );

      expect(level[0]!.transaction_isolation).toBe('read committed');
    } finally {
      await other.destroy();
      await dataSource.query(`ALTER DATABASE "${name}" RESET default_transaction_isolation`);
    }
  });
});
