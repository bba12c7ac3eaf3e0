import { TOPICS } from '@medgrid/contracts';
import { testKafkaBrokers, waitFor } from '@medgrid/testing';
import { Kafka, logLevel } from 'kafkajs';

/** The topics the referral service consumes (scheduling's answers and registry master data). */
export const REFERRAL_INPUT_TOPICS = [
  TOPICS.slotHold.name,
  TOPICS.registryInstitution.name,
  TOPICS.registryMedicalGroup.name,
  TOPICS.registryDepartment.name,
  TOPICS.registryTeam.name,
  TOPICS.registryContract.name,
  TOPICS.registryResident.name,
];

/** The topics the scheduling service consumes (registry master data and referral events). */
export const SCHEDULING_INPUT_TOPICS = [
  TOPICS.referral.name,
  TOPICS.registryInstitution.name,
  TOPICS.registryMedicalGroup.name,
  TOPICS.registryGrid.name,
  TOPICS.registryDepartment.name,
  TOPICS.registryTeam.name,
  TOPICS.registryContract.name,
];

/**
 * Waits until a new consumer group has committed offsets up to each partition's end as it was
 * when called: the topics outlive test runs (and hold the demo city), so a service on a fresh
 * group first works through their history, and a test's own events queue behind it. The
 * registry's resident and contract topics hold over 100,000 events once the benchmarks have run,
 * which a service on a busy machine takes more than three minutes to work through; each suite's
 * own beforeAll timeout still bounds the wait.
 */
export async function waitUntilCaughtUp(
  groupId: string,
  topics: readonly string[],
  timeoutMs = 600_000,
): Promise<void> {
  const admin = new Kafka({
    brokers: testKafkaBrokers(),
    clientId: 'e2e-lag',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const ends = new Map<string, number>();
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic))
        ends.set(`${topic}/${p.partition}`, Number(p.high));
    }
    await waitFor(
      `consumer group ${groupId} to work through the topics' history`,
      async () => {
        let behind = 0;
        for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: [...topics] })) {
          for (const p of partitions) {
            const end = ends.get(`${topic}/${p.partition}`) ?? 0;
            behind += Math.max(0, end - Math.max(0, Number(p.offset)));
          }
        }
        if (behind > 0) throw new Error(`${behind} events behind`);
        return true;
      },
      { timeoutMs, intervalMs: 500 },
    );
  } finally {
    await admin.disconnect();
  }
}
