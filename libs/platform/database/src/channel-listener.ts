import { type Pool, type PoolClient } from 'pg';
import { type DataSource } from 'typeorm';

/** How long to wait before listening again after the listening connection failed. */
const LISTEN_RETRY_MS = 1_000;

export interface ChannelListenerEvents {
  /**
   * A notification came, or listening (re)started: what committed before the LISTEN took effect, or while the
   * connection was lost, was not notified, so a subscriber reads again either way.
   */
  onWake(): void;
  /** Listening failed or stopped; the listener tries again every second. */
  onLost?(error: unknown): void;
}

/**
 * LISTENs on one PostgreSQL channel through a connection of the data source's pool, held for as long as the
 * listener runs, and listens again when it loses it. PostgreSQL delivers a NOTIFY when its transaction commits, so
 * a reader woken by one sees what was committed; notifications are not stored, so a reader that must miss nothing
 * also reads on a timer (the fallback while the connection is lost) and after each (re)start, which `onWake` marks.
 */
export class ChannelListener {
  private client: PoolClient | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
    private readonly events: ChannelListenerEvents,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  }

  /** Whether a connection is listening now. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.listen();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    // Destroyed, not returned to the pool: a pooled connection must not keep listening.
    this.client?.release(true);
    this.client = undefined;
  }

  private async listen(): Promise<void> {
    if (this.stopped || this.client) return;
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    let client: PoolClient | undefined;
    try {
      client = await pool.connect();
      const listening = client;
      const lost = (error?: Error) => {
        if (this.client !== listening) return;
        this.client = undefined;
        listening.release(error ?? true);
        if (this.stopped) return;
        this.events.onLost?.(error ?? new Error('the listening connection ended'));
        this.retry = setTimeout(() => void this.listen(), LISTEN_RETRY_MS);
      };
      // Not only once `client` is set: a notification can arrive in the same read as the LISTEN's answer.
      listening.on('notification', (message) => {
        if (message.channel === this.channel && !this.stopped) this.events.onWake();
      });
      listening.once('error', lost);
      listening.once('end', () => lost());
      await listening.query(`LISTEN ${this.channel}`);
      if (this.stopped) {
        listening.release(true);
        return;
      }
      this.client = listening;
      this.events.onWake();
    } catch (error) {
      client?.release(true);
      if (this.stopped) return;
      this.events.onLost?.(error);
      this.retry = setTimeout(() => void this.listen(), LISTEN_RETRY_MS);
    }
  }
}

/**
 * Many readers waiting for the same channel: each waits for the next wake-up, at most `timeoutMs`, or until its
 * signal aborts. One listening connection serves them all.
 */
export class ChannelWaiters {
  private readonly waiting = new Set<() => void>();
  private readonly listener: ChannelListener;

  constructor(dataSource: DataSource, channel: string, onLost?: (error: unknown) => void) {
    this.listener = new ChannelListener(dataSource, channel, { onWake: () => this.wakeAll(), onLost });
  }

  start(): void {
    this.listener.start();
  }

  stop(): void {
    this.listener.stop();
    this.wakeAll();
  }

  /** Resolves at the next notification, after `timeoutMs`, or when `signal` aborts, whichever comes first. */
  next(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiting.add(done);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.waiting]) wake();
  }
}
