import { type BinaryReader, type BinaryWriter } from '@bufbuild/protobuf/wire';

/** Encoder/decoder of a protobuf message, as ts-proto generates them. */
export interface MessageCodec<T> {
  encode(message: T, writer?: BinaryWriter): BinaryWriter;
  decode(input: BinaryReader | Uint8Array, length?: number): T;
  fromPartial(object: Partial<T>): T;
}

/** A Kafka topic the project creates on purpose (auto-create is off on the broker). */
export interface TopicDefinition {
  /** medgrid.<service>.<aggregate>.v<N> */
  readonly name: string;
  /** Chosen for the expected parallelism of consumers; one aggregate always maps to one partition. */
  readonly partitions: number;
  /** Compacted state topics keep the latest event per key so a new consumer can rebuild a projection. */
  readonly compacted: boolean;
  /** Days to keep records on a delete-policy topic (ignored when compacted). */
  readonly retentionDays: number;
}

/** One event type: its name on the wire, its schema version, its topic and its payload codec. */
export interface EventContract<T> {
  /** Fully qualified protobuf message name, e.g. medgrid.referral.v1.ReferralSubmitted. */
  readonly type: string;
  readonly schemaVersion: number;
  readonly topic: TopicDefinition;
  readonly codec: MessageCodec<T>;
}

export function defineTopic(definition: TopicDefinition): TopicDefinition {
  return definition;
}

export function defineEvent<T>(contract: EventContract<T>): EventContract<T> {
  return contract;
}

/** Dead letters of a topic: events a consumer could not apply after its retries. */
export function deadLetterTopicName(topic: string): string {
  return `${topic}.dlt`;
}
