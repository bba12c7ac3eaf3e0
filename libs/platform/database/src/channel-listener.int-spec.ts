import { type MigratedTestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { ChannelListener, ChannelWaiters } from './channel-listener';
import { scratchDatabase } from './test/scratch-database';

const CHANNEL = 'medgrid_test_changes';
const LONG_MS = 60_000;

describe('ChannelListener and ChannelWaiters (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await scratchDatabase('channel_listener', []);
    dataSource = database.dataSource;
  });

  afterAll(async () => {
    await database?.close();
  });

  /** Resolves once `predicate` holds, checking every 20 ms, or rejects after `ms`. */
  const until = async (predicate: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await predicate())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const listenersOnChannel = async (): Promise<number[]> =>
    (
      await dataSource.query<{ pid: number }[]>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
        [`LISTEN ${CHANNEL}`],
      )
    ).map((row) => row.pid);
  const notifyCommitted = () => dataSource.query(`SELECT pg_notify($1, '')`, [CHANNEL]);

  it('wakes when it starts listening, then at each committed notification, and not at an uncommitted one', async () => {
    let wakes = 0;
    const listener = new ChannelListener(dataSource, CHANNEL, { onWake: () => wakes++ });
    listener.start();
    try {
      await until(() => listener.listening && wakes === 1);
      await notifyCommitted();
      await until(() => wakes === 2);

      const runner = dataSource.createQueryRunner();
      await runner.startTransaction();
      await runner.query(`SELECT pg_notify($1, '')`, [CHANNEL]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(wakes).toBe(2); // PostgreSQL delivers a notification only when its transaction commits
      await runner.rollbackTransaction();
      await runner.release();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(wakes).toBe(2);
    } finally {
      listener.stop();
    }
  });

  it('listens again after its connection is terminated, and wakes its readers to read what they missed', async () => {
    let wakes = 0;
    const lost: unknown[] = [];
    const listener = new ChannelListener(dataSource, CHANNEL, {
      onWake: () => wakes++,
      onLost: (error) => lost.push(error),
    });
    listener.start();
    try {
      await until(async () => listener.listening && (await listenersOnChannel()).length === 1);
      const [pid] = await listenersOnChannel();
      await dataSource.query(`SELECT pg_terminate_backend($1)`, [pid]);
      await until(() => lost.length === 1);
      await until(async () => {
        const pids = await listenersOnChannel();
        return listener.listening && pids.length === 1 && pids[0] !== pid;
      });
      expect(wakes).toBe(2); // once at the first LISTEN, once at the second
      await notifyCommitted();
      await until(() => wakes === 3);
    } finally {
      listener.stop();
    }
    await until(async () => (await listenersOnChannel()).length === 0);
  });

  it('wakes every waiting reader at once at a notification, long before its timeout', async () => {
    const waiters = new ChannelWaiters(dataSource, CHANNEL);
    waiters.start();
    try {
      await until(async () => (await listenersOnChannel()).length === 1);
      const started = Date.now();
      const woken = Promise.all([1, 2, 3].map(() => waiters.next(LONG_MS)));
      await notifyCommitted();
      await woken;
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      waiters.stop();
    }
  });

  it('lets a reader go at its timeout or when its signal aborts, with no notification', async () => {
    const waiters = new ChannelWaiters(dataSource, CHANNEL);
    waiters.start();
    try {
      await until(async () => (await listenersOnChannel()).length === 1);
      const started = Date.now();
      await waiters.next(150);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);

      const hangUp = new AbortController();
      const waiting = waiters.next(LONG_MS, hangUp.signal);
      hangUp.abort();
      await waiting;
      await waiters.next(LONG_MS, hangUp.signal); // already aborted: returns at once
    } finally {
      waiters.stop();
    }
  });

  it('refuses a channel name that is not a plain identifier (it is spliced into LISTEN)', () => {
    expect(() => new ChannelListener(dataSource, 'x; DROP TABLE y', { onWake: () => undefined })).toThrow(
      /not a channel name/,
    );
  });
});
