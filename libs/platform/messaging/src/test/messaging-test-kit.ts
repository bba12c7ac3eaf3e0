import {
  deadLetterTopicName,
  defineEvent,
  defineTopic,
  type EventContract,
  referralV1,
  type TopicDefinition,
} from '@medgrid/contracts';
import { createDataSource } from '@medgrid/database';
import { createLogger, type Logger } from '@medgrid/logging';
import { aResidentId, TestDatabase, testKafkaBrokers, uniqueSuffix, waitFor } from '@medgrid/testing';
import { type Kafka, type KafkaMessage } from 'kafkajs';
import { type DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { InboxOrmEntity } from '../consumer/inbox.orm-entity';
import { ensureTopics } from '../kafka/ensure-topics';
import { createKafka } from '../kafka/kafka-client';
import { CreateMessagingTables1732300000000 } from '../messaging-tables.migration';
import { OutboxOrmEntity } from '../outbox/outbox.orm-entity';

/** A message as read back from a topic, with where it sat. */
export type ReadMessage = KafkaMessage & { partition: number };

/**
 * What the messaging integration tests share: a fresh database with the
 * outbox and inbox tables, throwaway topics on the real broker (never the
 * platform's own), and a way to read a topic back. `dispose()` deletes the
 * topics and consumer groups and drops the database.
 */
export class MessagingTestKit {
  readonly logger: Logger = createLogger({ service: 'messaging-int', level: 'silent' });
  readonly kafka: Kafka;
  private readonly topics: string[] = [];
  private readonly groupIds: string[] = [];
  private readonly dataSources: DataSource[] = [];

  private constructor(
    private readonly label: string,
    readonly database: TestDatabase,
  ) {
    this.kafka = this.newKafka('kit');
  }

  static async create(label: string): Promise<MessagingTestKit> {
    const database = await TestDatabase.create(label);
    const kit = new MessagingTestKit(label, database);
    const dataSource = kit.newDataSource();
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
    return kit;
  }

  /** A Kafka client of its own (each with its own connections), as a separate process would have. */
  newKafka(name: string): Kafka {
    return createKafka(
      { brokers: testKafkaBrokers(), clientId: `${this.label}-${name}-${uniqueSuffix()}` },
      this.logger,
    );
  }

  /** A pool of its own on the test database, closed by dispose() if still open. */
  newDataSource(): DataSource {
    const dataSource = createDataSource({
      url: this.database.url,
      applicationName: this.label,
      entities: [OutboxOrmEntity, InboxOrmEntity],
      migrations: [CreateMessagingTables1732300000000],
    });
    this.dataSources.push(dataSource);
    return dataSource;
  }

  /** A new topic (and its dead-letter topic) and an event contract on it. */
  async newTopic(partitions = 3): Promise<EventContract<referralV1.ReferralSubmitted>> {
    const topic: TopicDefinition = defineTopic({
      name: `medgrid.test.${this.label.replace(/_/g, '-')}-${uniqueSuffix()}.v1`,
      partitions,
      compacted: false,
      retentionDays: 1,
    });
    this.topics.push(topic.name, deadLetterTopicName(topic.name));
    await ensureTopics(this.kafka, [topic]);
    return referralSubmittedOn(topic);
  }

  /** A consumer group id used by this run only. */
  newGroupId(purpose: string): string {
    const groupId = `messaging-int.${purpose}-${uniqueSuffix()}`;
    this.groupIds.push(groupId);
    return groupId;
  }

  /**
   * Reads a topic from the beginning in a group of its own until `count`
   * messages arrived; what arrived by then is returned (possibly more).
   */
  async readMessages(topic: string, count: number, timeoutMs = 30_000): Promise<ReadMessage[]> {
    const consumer = this.kafka.consumer({
      groupId: this.newGroupId('reader'),
      maxWaitTimeInMs: 100,
    });
    const messages: ReadMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: ({ partition, message }) => {
          messages.push({ ...message, partition });
          return Promise.resolve();
        },
      });
      await waitFor(
        `${count} messages on ${topic}`,
        () => Promise.resolve(messages.length >= count ? true : undefined),
        { timeoutMs },
      );
    } finally {
      await consumer.disconnect();
    }
    return messages;
  }

  /** How many messages the topic holds in all (its partitions' end offsets): counts duplicates too. */
  async messageCount(topic: string): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
    } finally {
      await admin.disconnect();
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(this.dataSources.filter((ds) => ds.isInitialized).map((ds) => ds.destroy()));
    if (this.groupIds.length || this.topics.length) {
      const admin = this.kafka.admin();
      await admin.connect();
      try {
        if (this.groupIds.length) await admin.deleteGroups(this.groupIds);
        if (this.topics.length) await admin.deleteTopics({ topics: this.topics });
      } finally {
        await admin.disconnect();
      }
    }
    await this.database.drop();
  }
}

/** The ReferralSubmitted event, published on a test topic instead of the platform's. */
export function referralSubmittedOn(topic: TopicDefinition): EventContract<referralV1.ReferralSubmitted> {
  return defineEvent({
    type: 'medgrid.referral.v1.ReferralSubmitted',
    schemaVersion: 1,
    topic,
    codec: referralV1.ReferralSubmitted,
  });
}

/** A submitted referral as an event payload; `reason` doubles as a test handler's instruction. */
export function aReferralSubmitted(
  referralId: string = uuidv7(),
  reason = 'uncontrolled hypertension',
): referralV1.ReferralSubmitted {
  return referralV1.ReferralSubmitted.fromPartial({
    referral: referralV1.Referral.fromPartial({
      id: referralId,
      groupId: uuidv7(),
      patientResidentId: aResidentId(),
      referringInstitutionId: uuidv7(),
      receivingInstitutionId: uuidv7(),
      direction: referralV1.ReferralDirection.REFERRAL_DIRECTION_UPWARD,
      status: referralV1.ReferralStatus.REFERRAL_STATUS_SUBMITTED,
      icd10Code: 'I10',
      reason,
      createdAt: new Date(),
      version: 1,
    }),
  });
}
