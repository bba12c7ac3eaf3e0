// Exits 0 when a Kafka consumer group has committed, on every partition assigned to its members, up
// to that partition's end; else 1, printing how far behind it is. The benchmarks that start a service
// of their own (scripts/bench-lab-sharing.sh, bench-pharmacy.sh, bench-platform.sh) wait on it: a fresh
// group first works through the history of every topic it consumes (the demo city, referrals), and the
// measured calls should not share the cores with that.
//
//   KAFKA_BROKERS=127.0.0.1:19092 node bench/lib/consumer-caught-up.js <group>
'use strict';
const { AssignerProtocol, Kafka, logLevel } = require('kafkajs');

async function main() {
  const [groupId] = process.argv.slice(2);
  if (!groupId) throw new Error('usage: consumer-caught-up.js <consumer group>');
  const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:19092').split(',');
  const admin = new Kafka({ brokers, clientId: 'bench-lag', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const assigned = new Map(); // topic -> partitions
    for (const member of groups[0]?.members ?? []) {
      const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      for (const [topic, partitions] of Object.entries(decoded?.assignment ?? {})) {
        assigned.set(topic, [...(assigned.get(topic) ?? []), ...partitions]);
      }
    }
    if (assigned.size === 0) {
      console.log(`group ${groupId} has no assigned partitions yet`);
      return 1;
    }
    const topics = [...assigned.keys()];
    const committed = new Map();
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
      for (const p of partitions) committed.set(`${topic}/${p.partition}`, Number(p.offset));
    }
    let behind = 0;
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (!assigned.get(topic).includes(p.partition)) continue;
        const done = Math.max(Number(p.low), committed.get(`${topic}/${p.partition}`) ?? -1);
        behind += Math.max(0, Number(p.high) - done);
      }
    }
    console.log(`group ${groupId}: ${behind} events behind on ${topics.length} topics`);
    return behind === 0 ? 0 : 1;
  } finally {
    await admin.disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(String(error));
    process.exit(1);
  },
);
