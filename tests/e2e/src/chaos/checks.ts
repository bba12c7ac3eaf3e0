import { ALL_TOPICS, deadLetterTopicName } from '@medgrid/contracts';
import { testKafkaBrokers, waitFor } from '@medgrid/testing';
import { Kafka, logLevel } from 'kafkajs';
import { type ChaosCity, CHAOS_SERVICES, type ChaosService } from './chaos-city';
import { type Flow } from './flows';
import { SIDE_SQL_INVARIANTS, sideEffectsOnce } from './side-checks';

/** A check's violations, each a line that says what is wrong with which row or flow. */
export interface CheckResult {
  readonly name: string;
  readonly violations: string[];
}

/**
 * SQL invariants of scheduling's bookings and seats (the booking rush's checks in scripts/bench-scheduling.sh, over
 * the whole database) and of referral's history: each query returns the rows that break it.
 */
const SQL_INVARIANTS: { service: ChaosService; name: string; sql: string }[] = [
  {
    service: 'scheduling',
    name: 'no slot given twice',
    sql: `SELECT session_id, slot_number, count(*) AS live FROM booking WHERE status IN ('held', 'booked')
          GROUP BY 1, 2 HAVING count(*) > 1`,
  },
  {
    service: 'scheduling',
    name: 'seats and bookings agree',
    sql: `SELECT 'booking without its seat' AS problem, b.id FROM booking b
            LEFT JOIN seat st ON st.session_id = b.session_id AND st.slot_number = b.slot_number
           WHERE b.status IN ('held', 'booked') AND st.booking_id IS DISTINCT FROM b.id
          UNION ALL
          SELECT 'seat without a live booking', st.booking_id FROM seat st LEFT JOIN booking b ON b.id = st.booking_id
           WHERE st.booking_id IS NOT NULL AND (b.id IS NULL OR b.status NOT IN ('held', 'booked')
             OR b.session_id <> st.session_id OR b.slot_number <> st.slot_number)`,
  },
  {
    service: 'scheduling',
    name: 'no session over its capacity',
    sql: `SELECT c.id, c.capacity, count(b.id) AS live FROM clinic_session c
            LEFT JOIN booking b ON b.session_id = c.id AND b.status IN ('held', 'booked')
           GROUP BY c.id, c.capacity HAVING count(b.id) > c.capacity`,
  },
  {
    service: 'scheduling',
    name: 'one live booking per patient and session',
    sql: `SELECT session_id, patient_resident_id, count(*) AS live FROM booking WHERE status IN ('held', 'booked')
          GROUP BY 1, 2 HAVING count(*) > 1`,
  },
  {
    service: 'scheduling',
    name: 'one booking per referral',
    sql: `SELECT referral_id, count(*) AS bookings FROM booking WHERE referral_id <> ''
          GROUP BY 1 HAVING count(*) > 1`,
  },
  {
    service: 'scheduling',
    name: 'every held referral holds the booking it names',
    sql: `SELECT h.referral_id, h.status, h.booking_id FROM slot_hold_request h
           WHERE h.status = 'held' AND NOT EXISTS (
             SELECT 1 FROM booking b WHERE b.id::text = h.booking_id::text AND b.referral_id = h.referral_id::text)`,
  },
  {
    service: 'referral',
    name: 'no step recorded twice on a referral',
    sql: `SELECT referral_id, action, count(*) AS n FROM referral_history
           WHERE action NOT IN ('follow-up', 'follow_up', 'waitlist', 'reschedule')
           GROUP BY 1, 2 HAVING count(*) > 1`,
  },
];

/**
 * Every check of a quiet run: flows, effects once (scheduling's; lab-sharing's, pharmacy's and payment's in
 * side-checks), outboxes, topics against outboxes, dead letters, SQL.
 */
export async function checkQuietCity(city: ChaosCity, flows: readonly Flow[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  results.push({
    name: 'every flow reached its final state',
    violations: flows
      .filter((f) => f.failure || !f.outcome)
      .map(
        (f) => `flow ${f.index} (${f.kind}, referral ${f.referralId ?? '-'}): ${f.failure ?? 'unfinished'}`,
      ),
  });
  // A check that cannot run fails with its error rather than hiding the others.
  const attempt = async (name: string, check: () => Promise<CheckResult | CheckResult[]>) => {
    try {
      results.push(...[await check()].flat());
    } catch (error) {
      results.push({ name, violations: [`the check failed: ${(error as Error).message}`] });
    }
  };
  await attempt('effects once', () => effectsOnce(city, flows));
  await attempt('lab-sharing, pharmacy and payment effects once', () => sideEffectsOnce(city, flows));
  await attempt('outboxes drained', () => outboxesDrained(city));
  await attempt('topics against outboxes', () => topicsAgainstOutboxes(city));
  for (const invariant of [...SQL_INVARIANTS, ...SIDE_SQL_INVARIANTS]) {
    const name = `${invariant.service}: ${invariant.name}`;
    await attempt(name, async () => ({
      name,
      violations: (await city.query<object>(invariant.service, invariant.sql)).map((row) =>
        JSON.stringify(row),
      ),
    }));
  }
  return results;
}

/** One hold and one booking per referral, one booking per booking request, in the state the flow was answered. */
async function effectsOnce(city: ChaosCity, flows: readonly Flow[]): Promise<CheckResult> {
  const violations: string[] = [];
  const referrals = flows.filter((f) => f.referralId).map((f) => f.referralId!);
  const holds = await city.query<{ referral_id: string; holds: number; bookings: number }>(
    'scheduling',
    `SELECT r.id AS referral_id,
            (SELECT count(*)::int FROM slot_hold_request h WHERE h.referral_id = r.id) AS holds,
            (SELECT count(*)::int FROM booking b WHERE b.referral_id = r.id::text) AS bookings
       FROM unnest($1::uuid[]) AS r(id)`,
    [referrals],
  );
  for (const row of holds) {
    const flow = flows.find((f) => f.referralId === row.referral_id)!;
    const wantedBookings = flow.outcome === 'WAITLISTED' ? 0 : 1;
    if (row.holds !== 1 || row.bookings !== wantedBookings)
      violations.push(
        `referral ${row.referral_id}: ${row.holds} hold requests, ${row.bookings} bookings (want 1 and ${wantedBookings})`,
      );
  }
  const bookingFlows = flows.filter((f) => f.kind.startsWith('booking'));
  const bookings = await city.query<{ client_request_id: string; n: number; status: string | null }>(
    'scheduling',
    `SELECT r.id AS client_request_id, count(b.id)::int AS n, max(b.status) AS status
       FROM unnest($1::uuid[]) AS r(id) LEFT JOIN booking b ON b.client_request_id = r.id GROUP BY r.id`,
    [bookingFlows.map((f) => f.requestIds.book!)],
  );
  for (const row of bookings) {
    const flow = bookingFlows.find((f) => f.requestIds.book === row.client_request_id)!;
    if (!flow.outcome) continue;
    if (row.n !== 1 || row.status !== flow.outcome.toLowerCase())
      violations.push(
        `booking request ${row.client_request_id}: ${row.n} bookings (${row.status}), answered ${flow.outcome}`,
      );
  }
  return { name: 'every effect exists once (holds, bookings)', violations };
}

async function outboxesDrained(city: ChaosCity): Promise<CheckResult> {
  const violations: string[] = [];
  for (const service of CHAOS_SERVICES) {
    const [row] = await city.query<{ n: number }>(
      service,
      `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
    );
    if (row!.n > 0) violations.push(`${service}: ${row!.n} outbox rows not published`);
  }
  return { name: 'outboxes drained', violations };
}

/**
 * The topics read to their end, by event id (each message's event-id header): every outbox row of a service is on
 * its topic, nothing is on a topic that no outbox wrote, and nothing is on any dead-letter topic. A row published
 * twice (the relay died between the broker's acknowledgement and its commit) is at-least-once delivery as
 * designed, and counted, not failed: the consumers' inboxes keep its effect single.
 */
async function topicsAgainstOutboxes(city: ChaosCity): Promise<CheckResult[]> {
  const kafka = new Kafka({
    brokers: testKafkaBrokers(),
    clientId: 'chaos-audit',
    logLevel: logLevel.NOTHING,
  });
  const onTopics = await readTopics(
    kafka,
    ALL_TOPICS.map((t) => t.name),
  );
  const deadLetters = await readTopics(
    kafka,
    ALL_TOPICS.map((t) => deadLetterTopicName(t.name)),
  );
  const missing: string[] = [];
  const unknown: string[] = [];
  const written = new Set<string>();
  let duplicates = 0;
  for (const service of CHAOS_SERVICES) {
    const rows = await city.query<{ event_id: string; topic: string; event_type: string; latest: boolean }>(
      service,
      `SELECT event_id, topic, event_type, seq = max(seq) OVER (PARTITION BY topic, message_key) AS latest
         FROM outbox`,
    );
    for (const row of rows) {
      written.add(row.event_id);
      const seen = onTopics.get(row.event_id);
      // A compacted topic keeps only the latest event of each key for sure.
      if (seen) duplicates += seen.count - 1;
      else if (row.latest || !COMPACTED.has(row.topic))
        missing.push(`${service}: ${row.event_type} ${row.event_id} is not on ${row.topic}`);
    }
  }
  for (const [eventId, seen] of onTopics)
    if (!written.has(eventId)) unknown.push(`${eventId} on ${seen.topic}: no outbox wrote it`);
  duplicatesSeen.count = duplicates;
  return [
    { name: 'every outbox row is on its topic', violations: missing },
    { name: 'nothing on a topic that no outbox wrote', violations: unknown },
    {
      name: 'no dead letters',
      violations: [...deadLetters].map(([id, seen]) => `${seen.topic}: ${id} (${seen.reason})`),
    },
  ];
}

const COMPACTED = new Set(ALL_TOPICS.filter((t) => t.compacted).map((t) => t.name));

/** Messages published more than once, as the last check counted them (reported, not failed). */
export const duplicatesSeen = { count: 0 };

/** Event id → where it was seen and how often, for every message now on the topics (from offset 0 to the end). */
async function readTopics(
  kafka: Kafka,
  topics: readonly string[],
): Promise<Map<string, { topic: string; count: number; reason: string }>> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, number>();
  try {
    for (const topic of topics)
      for (const p of await admin.fetchTopicOffsets(topic))
        if (Number(p.high) > Number(p.low)) ends.set(`${topic}/${p.partition}`, Number(p.high));
  } finally {
    await admin.disconnect();
  }
  const seen = new Map<string, { topic: string; count: number; reason: string }>();
  if (ends.size === 0) return seen;
  const consumer = kafka.consumer({ groupId: `chaos-audit-${Date.now()}-${Math.random()}` });
  const reached = new Map<string, number>();
  await consumer.connect();
  try {
    await consumer.subscribe({
      topics: [...new Set([...ends.keys()].map((k) => k.slice(0, k.lastIndexOf('/'))))],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        const id = message.headers?.['event-id']?.toString() ?? `${topic}/${partition}@${message.offset}`;
        const entry = seen.get(id) ?? {
          topic,
          count: 0,
          reason: message.headers?.['dlt-reason']?.toString() ?? '',
        };
        entry.count++;
        seen.set(id, entry);
        reached.set(`${topic}/${partition}`, Number(message.offset) + 1);
        return Promise.resolve();
      },
    });
    await waitFor(
      'the audit to read every topic to its end',
      () =>
        Promise.resolve([...ends].every(([key, end]) => (reached.get(key) ?? 0) >= end) ? true : undefined),
      { timeoutMs: 120_000, intervalMs: 100 },
    );
  } finally {
    await consumer.disconnect();
  }
  return seen;
}
