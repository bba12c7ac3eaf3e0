import { deadLetterTopicName } from '@medgrid/contracts';
import { type UnitOfWork } from '@medgrid/database';
import { AppError, isConcurrencyConflict, isDependencyUnavailable } from '@medgrid/errors';
import { type Logger } from '@medgrid/logging';
import { counter, histogram, inSpanFromCarrier } from '@medgrid/telemetry';
import { type Consumer, type EachBatchPayload, type Kafka, type KafkaMessage } from 'kafkajs';
import { type EntityManager } from 'typeorm';
import { decodeEnvelope, type EventEnvelope } from '../envelope';
import { type KafkaPublisher } from '../kafka/kafka-publisher';
import { ConsumerLagMonitor } from './consumer-lag';
import { type EventHandler } from './event-handler';

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
  /**
   * The most events of a partition applied in one transaction (a run of a fetched batch). Default 1. A run shares
   * its begin, inbox insert and commit among its events, and a consumer that falls behind fetches more at a time,
   * so its runs grow when it is busiest.
   */
  batchSize?: number;
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

/** An event this consumer applies: its handler, and its payload if decoded (undefined: decode it). */
interface Event {
  message: KafkaMessage;
  envelope: EventEnvelope;
  handler: EventHandler;
  payload: unknown;
}

/** An event that can join a run: its payload decoded, wanted by its handler. */
interface Applicable extends Event {
  kind: 'apply';
}

/** A message not for this consumer (another's event type, one it does not want, an empty one). */
interface Ignored {
  kind: 'ignored';
  message: KafkaMessage;
  type: string;
}

/** What can join a run. */
type Runnable = Applicable | Ignored;

/** A message as the consumer judged it before applying anything. */
type Judged =
  Runnable | (Event & { kind: 'alone' }) | { kind: 'undecodable'; message: KafkaMessage; error: unknown };

const consumed = counter('medgrid_events_consumed_total', 'Events consumed, by outcome', [
  'topic',
  'type',
  'outcome',
]);
const handleDuration = histogram(
  'medgrid_event_handle_duration_seconds',
  "Time to apply one event (in a run of several, its share of the run's transaction)",
  ['topic', 'type'],
);
const runSize = histogram(
  'medgrid_events_run_size',
  'Events applied in one transaction (a run of a fetched batch)',
  ['topic'],
  [1, 2, 4, 8, 16, 32, 64, 128, 256],
);

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

/**
 * Whether a failure spends one of the event's attempts: a database that is down fails every event alike, and a
 * deadlock or serialization failure is the collision of two transactions, not the event's fault; the same work run
 * again succeeds, so waiting for either spends none of them.
 */
function countsAgainst(error: unknown): boolean {
  return !isDependencyUnavailable(error) && !isConcurrencyConflict(error);
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
 * inbox row and is skipped. Events of a partition fetched together are applied
 * in order, up to `batchSize` in one transaction. A failing event is retried
 * alone with backoff, then parked on the topic's dead-letter topic so the
 * partition keeps moving.
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
      // Offsets are resolved as runs settle, never at the end of a batch a rebalance cut short.
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.lag.start();
  }

  /** Leaves the group cleanly so partitions move to other replicas at once. */
  async stop(): Promise<void> {
    this.state = { phase: 'stopped' };
    await this.lag.stop();
    await this.consumer.disconnect();
  }

  /**
   * Applies a fetched batch of one partition in order, a run of events to a transaction: a run's inbox rows go in
   * as one insert and its handlers' writes commit once, where one event a transaction paid a commit (and a round trip
   * for each of begin, inbox row and commit) per event, for every consumer of a busy topic. Offsets move only past
   * events that are settled (applied, known, not wanted or dead-lettered), so a crash replays the rest.
   */
  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    const most = this.settings.batchSize ?? 1;
    let next = 0;
    while (next < batch.messages.length) {
      // Stopping, or a seek moved the partition: what is left is fetched again. A rebalance that took the partition
      // away shows as the heartbeat below throwing, which ends the batch the same way.
      if (!payload.isRunning() || payload.isStale()) return;
      const settled = await this.applyRun(
        batch.topic,
        batch.partition,
        batch.messages.slice(next, next + most),
        heartbeat,
      );
      next += settled;
      payload.resolveOffset(batch.messages[next - 1]!.offset);
      await payload.commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /**
   * Settles the first messages of `messages` (at least one) and says how many. Events that can be judged from
   * the message go into one transaction together; a message whose envelope or payload does not decode ends the run
   * and is taken alone (its dead-letter way). When a handler fails, the events before it are applied again without
   * it and the failing one is retried alone (applyWithRetries says how its failure in the run counts); when the
   * transaction itself fails (the inbox insert, the commit), each event of the run is taken alone.
   */
  private async applyRun(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    heartbeat: () => Promise<void>,
  ): Promise<number> {
    const run: Runnable[] = [];
    for (const message of messages) {
      const judged = this.judge(message);
      if (judged.kind === 'undecodable' || judged.kind === 'alone') {
        if (run.length > 0) break;
        if (judged.kind === 'alone') await this.applyAlone(topic, partition, judged, heartbeat);
        else {
          await this.deadLetter(topic, message, 'UNDECODABLE_ENVELOPE', judged.error);
          consumed.inc({ topic, type: 'unknown', outcome: 'dead-lettered' });
        }
        return 1;
      }
      run.push(judged);
    }
    const applicable = run.filter((judged): judged is Applicable => judged.kind === 'apply');
    if (applicable.length === 0) {
      countIgnored(topic, run);
      return run.length;
    }
    const outcomes = new Map<Applicable, Outcome>();
    let failing: Applicable | undefined;
    const started = process.hrtime.bigint();
    try {
      await this.inRunSpan(topic, partition, applicable, () =>
        this.uow.run(async (manager) => {
          // An event published twice can come twice in one run: the insert keeps one row, the first copy applies it.
          const fresh = await this.recordInInbox(
            manager,
            topic,
            applicable.map(({ envelope }) => envelope),
          );
          for (const entry of applicable) {
            if (!fresh.delete(entry.envelope.eventId.toLowerCase())) {
              outcomes.set(entry, 'duplicate');
              continue;
            }
            failing = entry;
            const handle = () => entry.handler.handle(entry.payload, entry.envelope);
            await (applicable.length === 1 ? handle() : this.inMessageSpan(topic, partition, entry, handle));
            outcomes.set(entry, 'applied');
            // A long run keeps the member in its group (kafkajs sends one only when the interval is due). One that
            // fails (a rebalance under way) is left to the heartbeat after the run, which ends the batch.
            await heartbeat().catch(() => undefined);
          }
          failing = undefined;
        }),
      );
    } catch (error) {
      return this.afterFailedRun(topic, partition, messages, run, failing, error, heartbeat);
    }
    // Each event's share of the run's transaction.
    const seconds = Number(process.hrtime.bigint() - started) / 1e9 / applicable.length;
    runSize.observe({ topic }, applicable.length);
    countIgnored(topic, run);
    for (const entry of applicable) {
      handleDuration.observe({ topic, type: entry.envelope.type }, seconds);
      consumed.inc({ topic, type: entry.envelope.type, outcome: outcomes.get(entry) ?? 'applied' });
    }
    return run.length;
  }

  private async afterFailedRun(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    run: Runnable[],
    failing: Applicable | undefined,
    error: unknown,
    heartbeat: () => Promise<void>,
  ): Promise<number> {
    this.logger.warn(
      { err: error, events: run.length, failingEventId: failing?.envelope.eventId },
      failing
        ? 'an event of a run failed; retrying it alone'
        : 'a run failed; applying its events one at a time',
    );
    if (!failing) {
      countIgnored(topic, run);
      for (const judged of run)
        if (judged.kind === 'apply')
          await this.applyAlone(topic, partition, { ...judged, payload: undefined }, heartbeat);
      return run.length;
    }
    const at = run.indexOf(failing);
    if (at > 0) {
      const settled = await this.applyRun(topic, partition, messages.slice(0, at), heartbeat);
      // Something before it failed this time: that one was taken alone, and the next run starts after it.
      if (settled < at) return settled;
    }
    const outcome = await this.inMessageSpan(topic, partition, failing, () =>
      this.applyWithRetries(topic, failing, heartbeat, {
        error,
        alone: run.filter((judged) => judged.kind === 'apply').length === 1,
      }),
    );
    consumed.inc({ topic, type: failing.envelope.type, outcome });
    return at + 1;
  }

  /** What a message is to this consumer, from the message alone. */
  private judge(message: KafkaMessage): Judged {
    if (!message.value) return { kind: 'ignored', message, type: 'empty' };
    let envelope: EventEnvelope;
    try {
      envelope = decodeEnvelope(message.value);
    } catch (error) {
      return { kind: 'undecodable', message, error };
    }
    const handler = this.handlers.get(envelope.type);
    // Another consumer's event type on a shared topic, or a newer type this version does not know yet: not ours.
    if (!handler) return { kind: 'ignored', message, type: envelope.type };
    // Decoded once for `wants` and the first attempt. A payload that does not decode is wanted: it takes the usual
    // way alone (its decode fails each attempt, then the dead-letter topic) rather than vanishing here.
    let payload: unknown;
    try {
      payload = handler.contract.codec.decode(envelope.payload);
    } catch {
      return { kind: 'alone', message, envelope, handler, payload: undefined };
    }
    if (handler.wants && !handler.wants(payload, envelope))
      return { kind: 'ignored', message, type: envelope.type };
    return { kind: 'apply', message, envelope, handler, payload };
  }

  /** An event in a transaction of its own: one whose payload does not decode, or one of a run that failed. */
  private async applyAlone(
    topic: string,
    partition: number,
    event: Event,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const outcome = await this.inMessageSpan(topic, partition, event, () =>
      this.applyWithRetries(topic, event, heartbeat),
    );
    consumed.inc({ topic, type: event.envelope.type, outcome });
  }

  /**
   * The run's inbox rows, as one statement whatever the run's length (arrays, not a VALUES list): answers the ids
   * it inserted, the events not applied before.
   */
  private async recordInInbox(
    manager: EntityManager,
    topic: string,
    envelopes: readonly EventEnvelope[],
  ): Promise<Set<string>> {
    const inserted = await manager.query<{ event_id: string }[]>(
      `INSERT INTO inbox (consumer, event_id, event_type, topic)
       SELECT $1, event_id, event_type, $4 FROM unnest($2::uuid[], $3::text[]) AS e(event_id, event_type)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [
        this.settings.groupId,
        envelopes.map((envelope) => envelope.eventId),
        envelopes.map((envelope) => envelope.type),
        topic,
      ],
    );
    return new Set(inserted.map((row) => row.event_id.toLowerCase()));
  }

  /** What every span of this consumer's work says of where it is. */
  private spanAttributes(topic: string, partition: number): Record<string, string | number> {
    return {
      'messaging.system': 'kafka',
      'messaging.destination.name': topic,
      'messaging.kafka.destination.partition': partition,
      'messaging.consumer.group.name': this.settings.groupId,
    };
  }

  /**
   * The event's own span, in the trace of the change that published it: the publish span's context rides in the
   * headers; the envelope keeps the originating request's context for consumers that only see the value.
   */
  private inMessageSpan<T>(
    topic: string,
    partition: number,
    event: Event,
    work: () => Promise<T>,
  ): Promise<T> {
    const headers = headersAsStrings(event.message);
    const carrier = headers?.traceparent ? headers : event.envelope.traceContext;
    return inSpanFromCarrier(
      'medgrid-messaging',
      `${topic} process`,
      'consumer',
      carrier,
      { ...this.spanAttributes(topic, partition), 'messaging.message.id': event.envelope.eventId },
      work,
    );
  }

  /**
   * A run of one event is that event's span, as before runs; a longer run is a span of its own (its inbox insert
   * and commit), each event handled inside it in a span of the event's trace.
   */
  private inRunSpan<T>(
    topic: string,
    partition: number,
    run: Applicable[],
    work: () => Promise<T>,
  ): Promise<T> {
    if (run.length === 1) return this.inMessageSpan(topic, partition, run[0]!, work);
    return inSpanFromCarrier(
      'medgrid-messaging',
      `${topic} process`,
      'consumer',
      undefined,
      { ...this.spanAttributes(topic, partition), 'messaging.batch.message_count': run.length },
      work,
    );
  }

  /**
   * Applies one event in a transaction of its own, retrying with backoff, then parks it on the dead-letter topic.
   * The event's payload serves its first attempt (undefined: decoded then); `earlier` is the failure it met in
   * a run: its first attempt when it was the run's only event to apply. In company it counts (unless it was the
   * database's or a collision's) but never parks the event, which is tried alone at once: a refusal there may be the
   * company's doing (a booking another event of the run had not committed yet).
   */
  private async applyWithRetries(
    topic: string,
    { message, envelope, handler, payload }: Event,
    heartbeat: () => Promise<void>,
    earlier?: { error: unknown; alone: boolean },
  ): Promise<Outcome> {
    const baseDelay = this.settings.retryBaseDelayMs ?? 200;
    const maxDelay = this.settings.retryMaxDelayMs ?? 5_000;
    // Attempts that count towards maxAttempts: a database that is down fails every event alike, so waiting for it
    // spends none of them, and an outage longer than the retry budget parks nothing on the dead-letter topic.
    let counted = 0;
    const failed = async (error: unknown, attempt: number): Promise<'dead-lettered' | 'retry'> => {
      if (countsAgainst(error)) counted++;
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
      return 'retry';
    };
    let attempt = 1;
    if (earlier) {
      if (earlier.alone) {
        if ((await failed(earlier.error, attempt)) === 'dead-lettered') return 'dead-lettered';
      } else if (countsAgainst(earlier.error)) counted++;
      attempt++;
    }
    for (; ; attempt++) {
      const stop = handleDuration.startTimer({ topic, type: envelope.type });
      try {
        const applied = await this.uow.run(async (manager) => {
          if ((await this.recordInInbox(manager, topic, [envelope])).size === 0) return false;
          // A retry decodes afresh, so a handler that changed the payload before it failed cannot hand the change on.
          await handler.handle(
            attempt === 1 && payload !== undefined
              ? payload
              : handler.contract.codec.decode(envelope.payload),
            envelope,
          );
          return true;
        });
        return applied ? 'applied' : 'duplicate';
      } catch (error) {
        if ((await failed(error, attempt)) === 'dead-lettered') return 'dead-lettered';
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

/** Counts the events of a run that were not this consumer's to apply. */
function countIgnored(topic: string, run: readonly Runnable[]): void {
  for (const judged of run)
    if (judged.kind === 'ignored') consumed.inc({ topic, type: judged.type, outcome: 'ignored' });
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
