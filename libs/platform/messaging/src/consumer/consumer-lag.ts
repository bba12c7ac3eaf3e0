import { type Logger } from '@medgrid/logging';
import { gauge } from '@medgrid/telemetry';
import { type Admin } from 'kafkajs';

const lagGauge = gauge(
  'medgrid_events_consumer_lag',
  "Events on a topic the service's consumer group has not yet committed (summed over the partitions)",
  ['topic', 'consumer_group'],
);

export interface PartitionOffsets {
  partition: number;
  /** The next offset the broker will write (the high watermark). */
  high: string;
  /** The oldest offset still retained. */
  low: string;
}

export interface CommittedOffset {
  partition: number;
  /** The group's next offset to read, or "-1" when it never committed on this partition. */
  offset: string;
}

/**
 * What a group still has to read on one topic. A partition the group never committed on counts from the oldest
 * retained event, since the platform's consumers subscribe from the beginning; a commit behind the retention (the
 * broker deleted what it had not read) counts from there too, since those events are gone, not waiting.
 */
export function topicLag(
  watermarks: readonly PartitionOffsets[],
  committed: readonly CommittedOffset[],
): number {
  const committedBy = new Map(committed.map((entry) => [entry.partition, BigInt(entry.offset)]));
  let lag = 0n;
  for (const { partition, high, low } of watermarks) {
    const from = committedBy.get(partition) ?? -1n;
    const start = from < BigInt(low) ? BigInt(low) : from;
    const behind = BigInt(high) - start;
    if (behind > 0n) lag += behind;
  }
  return Number(lag);
}

/**
 * Measures the consumer group's lag per topic from the broker (committed offsets against the high watermarks),
 * not from the consumer itself: a consumer that stopped fetching or hangs in a handler reports nothing, yet
 * that is exactly when the lag must grow on the dashboard and raise MedGridConsumerLagHigh.
 */
export class ConsumerLagMonitor {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private connected = false;

  constructor(
    private readonly admin: Admin,
    private readonly groupId: string,
    private readonly topics: readonly string[],
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.topics.length === 0 || this.timer) return;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    if (this.connected) await this.admin.disconnect();
    this.connected = false;
  }

  /** Lag per topic now; also sets the gauge. */
  async measure(): Promise<Map<string, number>> {
    if (!this.connected) {
      await this.admin.connect();
      this.connected = true;
    }
    const committed = await this.admin.fetchOffsets({ groupId: this.groupId, topics: [...this.topics] });
    const lags = new Map<string, number>();
    for (const topic of this.topics) {
      const watermarks = await this.admin.fetchTopicOffsets(topic);
      const lag = topicLag(watermarks, committed.find((entry) => entry.topic === topic)?.partitions ?? []);
      lags.set(topic, lag);
      lagGauge.set({ topic, consumer_group: this.groupId }, lag);
    }
    return lags;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.measure()
        .then(
          () => undefined,
          (error: unknown) =>
            this.logger.warn({ err: error }, 'consumer lag not measured; the gauge keeps its last values'),
        )
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.schedule(this.intervalMs);
        });
    }, delayMs);
    // The measurement never keeps the process alive on its own.
    this.timer.unref();
  }
}
