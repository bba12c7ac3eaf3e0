import { type Logger } from '@medgrid/logging';
import { captureTraceContext, counter, gauge, inSpanFromCarrier } from '@medgrid/telemetry';
import { ChannelListener, queryNamed } from '@medgrid/database';
import { type DataSource, In, IsNull } from 'typeorm';
import { type KafkaPublisher } from '../kafka/kafka-publisher';
import { OutboxOrmEntity } from './outbox.orm-entity';
import { OUTBOX_CHANNEL } from './outbox-writer';

export interface OutboxRelaySettings {
  service: string;
  /** How often to look for rows while no connection listens for notifications (starting, or after losing it). */
  pollIntervalMs: number;
  /**
   * How often to look while a connection listens: every write to the outbox notifies (OutboxWriter), so this poll
   * is only a safety net, and an idle service need not query its outbox five times a second. `pollIntervalMs` when
   * not given.
   */
  listeningPollIntervalMs?: number;
  batchSize: number;
}

const published = counter('medgrid_outbox_published_total', 'Events published from the outbox', [
  'topic',
  'type',
]);
const relayFailures = counter('medgrid_outbox_relay_failures_total', 'Outbox relay batches that failed', []);
const pendingGauge = gauge('medgrid_outbox_pending', 'Outbox rows not yet published', []);
const oldestGauge = gauge(
  'medgrid_outbox_oldest_pending_age_seconds',
  'Age of the oldest outbox row not yet published (0 when none waits)',
  [],
);

/** What waits in the outbox: how many rows and how long the oldest has waited. */
export interface OutboxBacklog {
  pending: number;
  oldestAgeSeconds: number;
}

/**
 * Publishes outbox rows to Kafka in commit order and marks them sent.
 *
 * Several replicas may run a relay: each batch takes a transaction-scoped
 * advisory lock, so one relay publishes at a time and per-aggregate order is
 * kept (SKIP LOCKED alone would let two relays reorder one aggregate's
 * events). If the process dies after Kafka acknowledged but before the
 * commit, the rows are published again on restart: delivery is at least once,
 * and consumers' inboxes make the effect exactly once.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly lockKey: number;
  /** Wakes the relay when a transaction commits events (OUTBOX_CHANNEL). */
  private readonly listener: ChannelListener;
  /** A notification came while a batch ran: go again at once rather than after the poll interval. */
  private wakeRequested = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: KafkaPublisher,
    private readonly settings: OutboxRelaySettings,
    private readonly logger: Logger,
  ) {
    this.lockKey = hashToInt32(`medgrid-outbox:${settings.service}`);
    this.listener = new ChannelListener(dataSource, OUTBOX_CHANNEL, {
      onWake: () => this.wake(),
      onLost: (error) => {
        this.logger.warn(
          { err: error },
          'outbox relay is not listening for new events; polling until it listens again',
        );
        // The next look may be a listening interval away: look now, then every poll interval until it listens.
        this.wake();
      },
    });
  }

  /**
   * Publishes what waits, then whenever a transaction commits events (a notification on OUTBOX_CHANNEL wakes it
   * within milliseconds) and at least every poll interval, which also covers a lost listening connection.
   */
  start(): void {
    this.stopped = false;
    this.schedule(0);
    this.listener.start();
  }

  /** Whether a connection listens for the outbox's notifications now (else the relay polls every poll interval). */
  get listening(): boolean {
    return this.listener.listening;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.listener.stop();
    await this.running;
  }

  /** Publishes up to one batch; returns how many rows it published. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await queryNamed<{ locked: boolean }>(
        manager,
        `SELECT pg_try_advisory_xact_lock(:key) AS locked`,
        { key: this.lockKey },
      );
      if (!lock?.locked) return 0;
      const rows = await manager.find(OutboxOrmEntity, {
        where: { publishedAt: IsNull() },
        order: { seq: 'ASC' },
        take: this.settings.batchSize,
      });
      if (rows.length === 0) return 0;

      const byTopic = new Map<string, { key: string; value: Buffer; headers: Record<string, string> }[]>();
      for (const row of rows) {
        // One publish span per event, child of the request that caused it.
        const headers = await inSpanFromCarrier(
          'medgrid-messaging',
          `${row.topic} publish`,
          'producer',
          row.traceContext,
          {
            'messaging.system': 'kafka',
            'messaging.destination.name': row.topic,
            'messaging.message.id': row.eventId,
          },
          () => Promise.resolve(captureTraceContext()),
        );
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({
          key: row.messageKey,
          value: row.envelope,
          headers: { ...headers, 'event-id': row.eventId, 'event-type': row.eventType },
        });
        byTopic.set(row.topic, messages);
      }
      await this.publisher.send([...byTopic].map(([topic, messages]) => ({ topic, messages })));
      await manager.update(
        OutboxOrmEntity,
        { seq: In(rows.map((row) => row.seq)) },
        { publishedAt: () => 'now()' },
      );
      for (const row of rows) published.inc({ topic: row.topic, type: row.eventType });
      return rows.length;
    });
  }

  async backlog(): Promise<OutboxBacklog> {
    // The database's clock on both sides, so a skewed pod clock cannot make the age negative or grow it.
    const [row] = await queryNamed<{ pending: number; oldest_age_seconds: number }>(
      this.dataSource.manager,
      `SELECT count(*)::int AS pending,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest_age_seconds
         FROM outbox WHERE published_at IS NULL`,
      {},
    );
    return { pending: row?.pending ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest_age_seconds ?? 0) };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = undefined));
    }, delayMs);
  }

  /** A transaction committed events: publish now, or right after the batch in progress. */
  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    clearTimeout(this.timer);
    this.schedule(0);
  }

  private async tick(): Promise<void> {
    let failed = false;
    let next = this.listener.listening
      ? (this.settings.listeningPollIntervalMs ?? this.settings.pollIntervalMs)
      : this.settings.pollIntervalMs;
    this.wakeRequested = false;
    try {
      const count = await this.relayOnce();
      // A full batch means more may be waiting: go again at once.
      if (count === this.settings.batchSize) next = 0;
    } catch (error) {
      failed = true;
      relayFailures.inc();
      this.logger.error({ err: error }, 'outbox relay batch failed; will retry');
      next = Math.min(this.settings.pollIntervalMs * 5, 5000);
    }
    // Also after a failed batch: a broker outage is exactly when the backlog grows and must be seen.
    await this.refreshBacklogGauges();
    // A notification (or a lost connection) while this tick ran, up to this moment: more came, go again at once
    // (not after a failed batch, whose backoff stands). Checked last, so a wake-up during the gauges' query is not
    // lost until the next poll, seconds away.
    if (this.wakeRequested && !failed) next = 0;
    this.schedule(next);
  }

  private async refreshBacklogGauges(): Promise<void> {
    try {
      const { pending, oldestAgeSeconds } = await this.backlog();
      pendingGauge.set(pending);
      oldestGauge.set(oldestAgeSeconds);
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox backlog not measured; the gauges keep their last values');
    }
  }
}

function hashToInt32(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return hash;
}
