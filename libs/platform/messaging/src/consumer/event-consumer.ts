import { deadLetterTopicName } from '@medgrid/contracts';
import { type UnitOfWork } from '@medgrid/database';
import { AppError, isDependencyUnavailable } from '@medgrid/errors';
import { type Logger } from '@medgrid/logging';
import { counter, histogram, inSpanFromCarrier } from '@medgrid/telemetry';
import { type Consumer, type EachMessagePayload, type Kafka, type KafkaMessage } from 'kafkajs';
import { decodeEnvelope, type EventEnvelope } from '../envelope';
import { type KafkaPublisher } from '../kafka/kafka-publisher';
import { ConsumerLagMonitor } from './consumer-lag';
import { type EventHandler } from './event-handler';
import { InboxOrmEntity } from './inbox.orm-entity';

export interface EventConsumerSettings {
  /** Consumer group, also the inbox's consumer name: "<service>.<purpose>". */
  groupId: string;
  maxAttempts: number;
  /** First retry delay; doubles each attempt. */
  retryBaseDelayMs?: number;
  /** The longest wait between two attempts. Default 5 s. */
  retryMaxDelayMs?: number;
  /** Partitions applied at the same time; events of one partition stay in order. Default 1. */
  partitionsConcurrently?: number;
  /** How often the group's lag is measured at the broker. Default 15 s, Prometheus's scrape interval. */
  lagIntervalMs?: number;
  /**
   * How long the group waits for a member that stopped heartbeating before it gives that member's partitions to
   * the others. Default 10 s: a replica that crashed never leaves its group, so its partitions, and every event on
   * them, wait this long for the replica that replaces it (with kafkajs's 30 s, a saga step waited half a minute
   * after each crash). The consumer heartbeats while it waits between retries, so a long retry keeps its place.
   */
  sessionTimeoutMs?: number;
}

/** A member heartbeats at most this far apart while it waits to retry an event. */
const RETRY_HEARTBEAT_MS = 1_000;

type Outcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';

const consumed = counter('medgrid_events_consumed_total', 'Events consumed, by outcome', [
  'topic',
  'type',
  'outcome',
]);
const handleDuration = histogram('medgrid_event_handle_duration_seconds', 'Time to apply one event', [
  'topic',
  'type',
]);

/** The wait after a failed attempt (1, 2, ...): the base doubling each attempt, never more than the longest. */
export function retryDelayMs(attempt: number, baseMs: number, longestMs: number): number {
  return Math.min(baseMs * 2 ** (attempt - 1), longestMs);
}

/**
 * Waits out a retry's delay, heartbeating meanwhile: kafkajs heartbeats only between messages, and a member silent
 * for the session timeout loses its partitions while it still holds the event. A heartbeat that fails (the group is
 * rebalancing) is left to the runner, which rejoins once the event is done.
 */
export async function waitHeartbeating(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    await heartbeat().catch(() => undefined);
    const left = until - Date.now();
    if (left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, RETRY_HEARTBEAT_MS)));
  }
}

/** Failures that a retry cannot fix go straight to the dead-letter topic. */
function isPermanent(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  switch (error.category) {
    case 'invalid-argument':
    case 'not-found':
    case 'failed-precondition':
    case 'permission-denied':
    case 'unauthenticated':
    case 'already-exists':
      return true;
    case 'resource-exhausted':
    case 'conflict':
    case 'unavailable':
      return false;
  }
}

/**
 * Consumes a service's topics and applies each event once: the inbox row and
 * the handler's writes share one transaction; a redelivered event finds its
 * inbox row and is skipped. A failing event is retried with backoff, then
 * parked on the topic's dead-letter topic so the partition keeps moving.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly handlers: Map<string, EventHandler>;
  private readonly topics: string[];
  private readonly lag: ConsumerLagMonitor;
  private state:
    { phase: 'idle' | 'joining' | 'consuming' | 'stopped' } | { phase: 'crashed'; error: string } = {
    phase: 'idle',
  };

  constructor(
    kafka: Kafka,
    private readonly uow: UnitOfWork,
    private readonly deadLetters: KafkaPublisher,
    handlers: readonly EventHandler[],
    private readonly settings: EventConsumerSettings,
    private readonly logger: Logger,
  ) {
    // A short long-poll keeps shutdown quick (disconnect waits for the fetch in flight).
    this.consumer = kafka.consumer({
      groupId: settings.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: settings.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: Math.floor((settings.sessionTimeoutMs ?? 10_000) / 4),
      maxWaitTimeInMs: 500,
    });
    this.handlers = new Map(handlers.map((handler) => [handler.contract.type, handler]));
    this.topics = [...new Set(handlers.map((handler) => handler.contract.topic.name))];
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => (this.state = { phase: 'consuming' }));
    this.consumer.on(this.consumer.events.REBALANCING, () => (this.state = { phase: 'joining' }));
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts after a retriable crash and joins again; otherwise the consumer is gone.
      this.state = payload.restart
        ? { phase: 'joining' }
        : { phase: 'crashed', error: payload.error.message };
    });
    this.lag = new ConsumerLagMonitor(
      kafka.admin(),
      settings.groupId,
      this.topics,
      settings.lagIntervalMs ?? 15_000,
      logger,
    );
  }

  /** What keeps the consumer from consuming, or null when it consumes (or has nothing to consume). */
  problem(): string | null {
    if (this.topics.length === 0) return null;
    switch (this.state.phase) {
      case 'consuming':
        return null;
      case 'idle':
        return 'not started yet';
      case 'joining':
        return `joining consumer group ${this.settings.groupId}`;
      case 'stopped':
        return 'stopped';
      case 'crashed':
        return `crashed: ${this.state.error}`;
    }
  }

  async start(): Promise<void> {
    if (this.topics.length === 0) return;
    this.state = { phase: 'joining' };
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.settings.partitionsConcurrently ?? 1,
      eachMessage: (payload) => this.onMessage(payload),
    });
    this.lag.start();
  }

  /** Leaves the group cleanly so partitions move to other replicas at once. */
  async stop(): Promise<void> {
    this.state = { phase: 'stopped' };
    await this.lag.stop();
    await this.consumer.disconnect();
  }

  private async onMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    if (!message.value) return;
    let envelope: EventEnvelope;
    try {
      envelope = decodeEnvelope(message.value);
    } catch (error) {
      await this.deadLetter(topic, message, 'UNDECODABLE_ENVELOPE', error);
      consumed.inc({ topic, type: 'unknown', outcome: 'dead-lettered' });
      return;
    }
    // The publish span's context rides in the headers; the envelope keeps the
    // originating request's context for consumers that only see the value.
    const headers = headersAsStrings(message);
    const carrier = headers?.traceparent ? headers : envelope.traceContext;
    const outcome = await inSpanFromCarrier(
      'medgrid-messaging',
      `${topic} process`,
      'consumer',
      carrier,
      {
        'messaging.system': 'kafka',
        'messaging.destination.name': topic,
        'messaging.kafka.destination.partition': partition,
        'messaging.message.id': envelope.eventId,
        'messaging.consumer.group.name': this.settings.groupId,
      },
      () => this.applyWithRetries(topic, message, envelope, () => payload.heartbeat()),
    );
    consumed.inc({ topic, type: envelope.type, outcome });
  }

  private async applyWithRetries(
    topic: string,
    message: KafkaMessage,
    envelope: EventEnvelope,
    heartbeat: () => Promise<void>,
  ): Promise<Outcome> {
    const handler = this.handlers.get(envelope.type);
    // Another consumer's event type on a shared topic, or a newer type this
    // version does not know yet: not ours to apply.
    if (!handler) return 'ignored';
    // Decoded once for `wants` and the first attempt; a retry decodes afresh, so a handler that changed the payload
    // before it failed cannot hand the change to its next attempt. A payload that does not decode is wanted: it takes
    // the usual way (its decode fails each attempt, then the dead-letter topic) rather than vanishing here.
    const first = decodePayload(handler, envelope);
    if (first.decoded && handler.wants && !handler.wants(first.payload, envelope)) return 'ignored';
    const baseDelay = this.settings.retryBaseDelayMs ?? 200;
    const maxDelay = this.settings.retryMaxDelayMs ?? 5_000;
    // Attempts that count towards maxAttempts: a database that is down fails every event alike, so waiting for it
    // spends none of them, and an outage longer than the retry budget parks nothing on the dead-letter topic.
    let counted = 0;
    for (let attempt = 1; ; attempt++) {
      const stop = handleDuration.startTimer({ topic, type: envelope.type });
      try {
        const applied = await this.uow.run(async (manager) => {
          const inserted = await manager
            .createQueryBuilder()
            .insert()
            .into(InboxOrmEntity)
            .values({
              consumer: this.settings.groupId,
              eventId: envelope.eventId,
              eventType: envelope.type,
              topic,
            })
            .orIgnore()
            .returning(['event_id'])
            .execute();
          if ((inserted.raw as unknown[]).length === 0) return false;
          const payload =
            attempt === 1 && first.decoded ? first.payload : handler.contract.codec.decode(envelope.payload);
          await handler.handle(payload, envelope);
          return true;
        });
        return applied ? 'applied' : 'duplicate';
      } catch (error) {
        if (!isDependencyUnavailable(error)) counted++;
        if (isPermanent(error) || counted >= this.settings.maxAttempts) {
          this.logger.error(
            { err: error, eventId: envelope.eventId, type: envelope.type, attempt },
            'event dead-lettered',
          );
          await this.deadLetter(
            topic,
            message,
            error instanceof AppError ? error.code : 'HANDLER_FAILED',
            error,
          );
          return 'dead-lettered';
        }
        this.logger.warn(
          { err: error, eventId: envelope.eventId, type: envelope.type, attempt },
          'event failed; retrying',
        );
        await waitHeartbeating(retryDelayMs(attempt, baseDelay, maxDelay), heartbeat);
      } finally {
        stop();
      }
    }
  }

  private async deadLetter(
    topic: string,
    message: KafkaMessage,
    reason: string,
    error: unknown,
  ): Promise<void> {
    await this.deadLetters.send([
      {
        topic: deadLetterTopicName(topic),
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: {
              ...(message.headers ?? {}),
              'dlt-reason': reason,
              'dlt-error': String((error as Error)?.message ?? error).slice(0, 1000),
              'dlt-consumer': this.settings.groupId,
              'dlt-original-topic': topic,
              'dlt-original-offset': message.offset,
            },
          },
        ],
      },
    ]);
  }
}

function decodePayload(
  handler: EventHandler,
  envelope: EventEnvelope,
): { decoded: true; payload: unknown } | { decoded: false } {
  try {
    return { decoded: true, payload: handler.contract.codec.decode(envelope.payload) };
  } catch {
    return { decoded: false };
  }
}

function headersAsStrings(message: KafkaMessage): Record<string, string> | undefined {
  if (!message.headers) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? String(value[0]) : value.toString();
  }
  return out;
}
