import { deadLetterTopicName, type TopicDefinition } from '@medgrid/contracts';
import { type Kafka } from 'kafkajs';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates the platform's topics and their dead-letter topics if missing
 * (the broker's auto-create is off). Existing topics are left as they are.
 * Returns the names it created.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly TopicDefinition[],
  replicationFactor = 1,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = topics.flatMap((topic) => [
      {
        topic: topic.name,
        numPartitions: topic.partitions,
        replicationFactor,
        configEntries: topic.compacted
          ? [{ name: 'cleanup.policy', value: 'compact' }]
          : [{ name: 'retention.ms', value: String(topic.retentionDays * DAY_MS) }],
      },
      {
        topic: deadLetterTopicName(topic.name),
        numPartitions: 1,
        replicationFactor,
        configEntries: [{ name: 'retention.ms', value: String(30 * DAY_MS) }],
      },
    ]);
    const missing = wanted.filter((topic) => !existing.has(topic.topic));
    if (missing.length) await admin.createTopics({ topics: missing, waitForLeaders: true });
    return missing.map((topic) => topic.topic);
  } finally {
    await admin.disconnect();
  }
}
