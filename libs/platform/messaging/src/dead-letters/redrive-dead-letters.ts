import { deadLetterTopicName } from '@medgrid/contracts';
import { type Consumer, type IHeaders, type Kafka, type KafkaMessage } from 'kafkajs';
import { decodeEnvelope, type EventEnvelope } from '../envelope';
import { KafkaPublisher } from '../kafka/kafka-publisher';

export interface RedriveOptions {
  /** The original topic; its dead letters are on `<topic>.dlt`. */
  topic: string;
  /** Re-publish what matches; without it nothing is sent and no position is committed (dry run). */
  apply?: boolean;
  /** Only dead letters parked by this consumer group (`dlt-consumer`). */
  consumer?: string;
  /** Only events of this type (the envelope's `type`). */
  type?: string;
  /** Only this event (the envelope's `eventId`). */
  eventId?: string;
  /** Read from this offset of every partition of the `.dlt` topic instead of the group's position. */
  fromOffset?: number;
  /** Read from the first dead letter parked at or after this time instead of the group's position. */
  fromTime?: Date;
  /** Gives up when the topic delivers nothing for this long before its end is reached. Default 30 s. */
  idleTimeoutMs?: number;
}

/**
 * What happened to one matching dead letter: `redriven` (sent back, `--apply`), `would-redrive` (dry run),
 * `repeat` (its event was already redriven by an earlier dead letter of this run: one consumer parked it twice,
 * or two consumers parked it), `undecodable` (its value is no envelope; redriving it would only park it again).
 */
export type RedriveOutcome = 'redriven' | 'would-redrive' | 'repeat' | 'undecodable';

export interface ParkedEvent {
  partition: number;
  /** Offset on the `.dlt` topic. */
  offset: string;
  /** When the consumer parked it (the dead letter's timestamp). */
  parkedAt: Date;
  eventId?: string;
  type?: string;
  occurredAt?: Date;
  /** `dlt-reason`: the error code, `HANDLER_FAILED` or `UNDECODABLE_ENVELOPE`. */
  reason?: string;
  error?: string;
  consumer?: string;
  originalOffset?: string;
  outcome: RedriveOutcome;
}

export interface RedriveReport {
  deadLetterTopic: string;
  /** The consumer group that keeps this command's position on the `.dlt` topic. */
  groupId: string;
  applied: boolean;
  /** The matching dead letters read, in offset order per partition. */
  events: ParkedEvent[];
  redriven: number;
}

const DEAD_LETTER_HEADER = /^dlt-/;

/**
 * The group that keeps the position of a redrive on `<topic>.dlt`: one per topic and filter, so the same command
 * run twice sends nothing twice, while a narrower run (one consumer, one type, one event) keeps a position of its
 * own and does not hide the dead letters it skipped from a later, wider one.
 */
export function redriveGroupId(
  options: Pick<RedriveOptions, 'topic' | 'consumer' | 'type' | 'eventId'>,
): string {
  return [
    `medgrid.redrive.${options.topic}`,
    options.consumer && `consumer=${options.consumer}`,
    options.type && `type=${options.type}`,
    options.eventId && `event=${options.eventId}`,
  ]
    .filter(Boolean)
    .join('.');
}

/**
 * Reads `<topic>.dlt` from the redrive group's position (or from `fromOffset`/`fromTime`) up to its end as it was
 * when the call began, lists the dead letters that match the filters and, with `apply`, re-publishes each one's
 * original key, value and headers (trace context, event id and type; not the `dlt-*` ones) to the original topic,
 * committing the group's position after each send.
 *
 * Safe to repeat because consumers de-duplicate by event id in their inbox: a consumer that had applied the event
 * skips it, the one that parked it applies it now (or parks it again). A crash between a send and its commit
 * sends that one again on the next run, which the inbox absorbs the same way. A redriven event arrives after
 * events published since on its key; consumers that keep aggregate versions skip it if it is older than what they
 * hold.
 */
export async function redriveDeadLetters(kafka: Kafka, options: RedriveOptions): Promise<RedriveReport> {
  const deadLetterTopic = deadLetterTopicName(options.topic);
  const groupId = redriveGroupId(options);
  const report: RedriveReport = {
    deadLetterTopic,
    groupId,
    applied: options.apply === true,
    events: [],
    redriven: 0,
  };
  const ranges = await readRanges(kafka, deadLetterTopic, groupId, options);
  if (ranges.size === 0) return report;

  const publisher = options.apply ? new KafkaPublisher(kafka) : undefined;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  const redrivenEventIds = new Set<string>();
  try {
    await publisher?.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [deadLetterTopic], fromBeginning: true });
    await consumeRanges(
      consumer,
      deadLetterTopic,
      ranges,
      options.idleTimeoutMs ?? 30_000,
      async (partition, message) => {
        const parked = parkedEventOf(partition, message);
        if (!matches(parked, options)) return;
        if (parked.outcome === 'undecodable') {
          // Left unsent; its position still moves on.
        } else if (redrivenEventIds.has(parked.eventId!)) {
          parked.outcome = 'repeat';
        } else if (publisher) {
          await publisher.send([
            {
              topic: options.topic,
              messages: [
                {
                  key: message.key,
                  value: message.value,
                  headers: {
                    ...originalHeaders(message.headers),
                    'redriven-from': `${deadLetterTopic}/${partition}/${message.offset}`,
                  },
                },
              ],
            },
          ]);
          parked.outcome = 'redriven';
          report.redriven++;
        }
        if (parked.eventId) redrivenEventIds.add(parked.eventId);
        report.events.push(parked);
      },
      publisher
        ? (partition, next) => consumer.commitOffsets([{ topic: deadLetterTopic, partition, offset: next }])
        : undefined,
    );
  } finally {
    await consumer.disconnect();
    await publisher?.disconnect();
  }
  return report;
}

/** Per partition of the `.dlt` topic: where to start and the end offset (exclusive) when the call began. */
async function readRanges(
  kafka: Kafka,
  deadLetterTopic: string,
  groupId: string,
  options: RedriveOptions,
): Promise<Map<number, { start: bigint; end: bigint }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(deadLetterTopic);
    let starts: Map<number, bigint>;
    if (options.fromOffset !== undefined) {
      starts = new Map(offsets.map((p) => [p.partition, BigInt(options.fromOffset!)]));
    } else if (options.fromTime) {
      // Partitions with nothing at or after the time answer their end offset.
      const byTime = await admin.fetchTopicOffsetsByTimestamp(deadLetterTopic, options.fromTime.getTime());
      starts = new Map(byTime.map((p) => [p.partition, BigInt(p.offset)]));
    } else {
      // No committed position yet answers -1: the topic's start.
      const [committed] = await admin.fetchOffsets({ groupId, topics: [deadLetterTopic] });
      starts = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
    }
    const ranges = new Map<number, { start: bigint; end: bigint }>();
    for (const p of offsets) {
      const low = BigInt(p.low);
      const end = BigInt(p.high);
      const wanted = starts.get(p.partition) ?? -1n;
      // Below the start: records that left with the topic's retention.
      const start = wanted < low ? low : wanted;
      if (start < end) ranges.set(p.partition, { start, end });
    }
    return ranges;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Hands each record of the ranges to `each`, in order per partition, then `commit`s the next offset; resolves once
 * every range is read. Records beyond a range's end (parked after the call began) are left for the next run.
 */
async function consumeRanges(
  consumer: Consumer,
  topic: string,
  ranges: Map<number, { start: bigint; end: bigint }>,
  idleTimeoutMs: number,
  each: (partition: number, message: KafkaMessage) => Promise<void>,
  commit: ((partition: number, next: string) => Promise<void>) | undefined,
): Promise<void> {
  const remaining = new Set(ranges.keys());
  // Only the next offset of each partition is taken: a fetch made before the seek below, or a redelivery after a
  // rebalance, hands over records out of turn (the topic is not compacted, so its offsets have no gaps).
  const expected = new Map([...ranges].map(([partition, { start }]) => [partition, start]));
  let finished = false;
  let lastProgress = Date.now();
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const watchdog = setInterval(() => {
    if (Date.now() - lastProgress > idleTimeoutMs) {
      finished = true;
      const where = [...remaining].map((p) => `partition ${p} before ${ranges.get(p)!.end}`).join(', ');
      settle.reject(new Error(`${topic} delivered nothing for ${idleTimeoutMs} ms (${where})`));
    }
  }, 500);
  try {
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const range = ranges.get(partition);
        if (finished || !range) return;
        const offset = BigInt(message.offset);
        if (offset !== expected.get(partition) || offset >= range.end) return;
        expected.set(partition, offset + 1n);
        lastProgress = Date.now();
        try {
          await each(partition, message);
          await commit?.(partition, String(offset + 1n));
        } catch (error) {
          finished = true;
          settle.reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (offset + 1n >= range.end) {
          remaining.delete(partition);
          if (remaining.size === 0) {
            finished = true;
            settle.resolve();
          }
        }
      },
    });
    // The group's committed position is only where an earlier --apply stopped; the ranges decide.
    for (const [partition, { start }] of ranges) consumer.seek({ topic, partition, offset: String(start) });
    await done;
  } finally {
    clearInterval(watchdog);
  }
}

function parkedEventOf(partition: number, message: KafkaMessage): ParkedEvent {
  const headers = headerStrings(message.headers);
  const parked: ParkedEvent = {
    partition,
    offset: message.offset,
    parkedAt: new Date(Number(message.timestamp)),
    reason: headers['dlt-reason'],
    error: headers['dlt-error'],
    consumer: headers['dlt-consumer'],
    originalOffset: headers['dlt-original-offset'],
    outcome: 'would-redrive',
  };
  let envelope: EventEnvelope | undefined;
  try {
    envelope = message.value ? decodeEnvelope(message.value) : undefined;
  } catch {
    envelope = undefined;
  }
  if (!envelope?.eventId) return { ...parked, outcome: 'undecodable' };
  return { ...parked, eventId: envelope.eventId, type: envelope.type, occurredAt: envelope.occurredAt };
}

function matches(parked: ParkedEvent, options: RedriveOptions): boolean {
  return (
    (options.consumer === undefined || parked.consumer === options.consumer) &&
    (options.type === undefined || parked.type === options.type) &&
    (options.eventId === undefined || parked.eventId === options.eventId)
  );
}

/** The record's headers as the producer sent them: the consumer added the `dlt-*` ones. */
function originalHeaders(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(
      ([key, value]) => value !== undefined && !DEAD_LETTER_HEADER.test(key),
    ),
  );
}

function headerStrings(headers: IHeaders | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? String(value[0]) : value.toString();
  }
  return out;
}
