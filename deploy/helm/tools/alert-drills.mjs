// Fire drills for the most important alerts: each causes its condition on the running platform (up.sh) and waits
// for the platform's own Prometheus (scripts/prometheus.sh, loading files/prometheus/medgrid.rules.yaml) to raise
// the alert, then puts things back. promtool's unit tests (ci/alerts*.test.yaml) prove the thresholds and the `for`
// of every rule on synthetic series; a drill proves the other half: that the real services export what the rule
// reads, with the labels it groups by, when the real failure happens. An alert with a `for` counts once it is
// pending (its expression holds); one without fires at once.
//
//   node deploy/helm/tools/alert-drills.mjs [--url http://127.0.0.1:9090] [--only <drill>]
//
// The drills (each about 20-40 s):
//   hung-service     payment's process is frozen (SIGSTOP): its scrape fails -> MedGridServiceDown; then SIGCONT.
//   dead-letter      an undecodable message on an uncompacted topic one service consumes: it parks it on <topic>.dlt
//                    -> MedGridEventsDeadLettered for that service and topic.
//   consumer-lag     payment's inbox table locked in its database (as a stuck migration or a forgotten transaction
//                    would) while the oldest referral event it applied and 1,050 events of a type no one handles
//                    arrive behind it on one partition: its consumer waits on the lock -> MedGridConsumerLagHigh;
//                    then the lock is released and the lag drains to 0.
// What a drill leaves behind is harmless by design: the replayed referral event is a duplicate every inbox skips,
// the 1,050 others are ignored by every consumer, and the dead letter is marked with the header medgrid-drill (leave
// it; a redrive would only park it again). Needs the repository built (node_modules, libs' dist).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(join(REPO, 'package.json'));
const { ConfigResourceTypes, Kafka, logLevel } = require('kafkajs');
const { Client } = require('pg');
const { v7: uuidv7 } = require('uuid');
const { decodeEnvelope, encodeEnvelope } = require('@medgrid/messaging');

const { values: options } = parseArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env.MEDGRID_PROMETHEUS_PORT ?? '9090'}` },
    only: { type: 'string' },
  },
});
const PROMETHEUS = options.url.replace(/\/$/, '');
const BROKERS = (process.env.MEDGRID_KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const RUN_DIR = process.env.MEDGRID_RUN ?? join(REPO, '.run');

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const log = (message) => console.log(`[alert-drills] ${message}`);

async function query(promql) {
  const response = await fetch(`${PROMETHEUS}/api/v1/query`, {
    method: 'POST',
    body: new URLSearchParams({ query: promql }),
  }).catch((error) => {
    throw new Error(`${PROMETHEUS}: ${error.cause?.message ?? error.message} (scripts/prometheus.sh start)`);
  });
  const body = await response.json();
  if (body.status !== 'success') throw new Error(`${promql}: ${body.error}`);
  return body.data.result;
}

/** Polls until `probe` answers something, or fails naming what it waited for. */
async function waitFor(what, probe, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (answer) return answer;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(1_000);
  }
}

/** The alerts Prometheus holds active (pending or firing) with this name and these labels. */
async function activeAlerts(alertname, labels) {
  const response = await fetch(`${PROMETHEUS}/api/v1/alerts`);
  const { data } = await response.json();
  return data.alerts.filter((alert) =>
    Object.entries({ alertname, ...labels }).every(([name, value]) => alert.labels[name] === value),
  );
}

/** Before a drill: the alert must not be active already, or its raising would prove nothing (an earlier run's). */
async function waitUntilQuiet(alertname, labels) {
  await waitFor(`${alertname} ${JSON.stringify(labels)} to be inactive before the drill`, async () =>
    (await activeAlerts(alertname, labels)).length ? undefined : true,
  );
}

/** Waits for the alert with these labels to become active (in one of `states`) after `since`. */
async function waitForAlert(alertname, labels, since, states = ['pending', 'firing']) {
  const [alert] = await waitFor(
    `${alertname} ${JSON.stringify(labels)} to be ${states.join(' or ')}`,
    async () => {
      const raised = (await activeAlerts(alertname, labels)).filter(
        (alert) => states.includes(alert.state) && Date.parse(alert.activeAt) >= since,
      );
      return raised.length ? raised : undefined;
    },
  );
  return { state: alert.state, seconds: Math.round((Date.parse(alert.activeAt) - since) / 1000) };
}

function databaseUrl(service) {
  const password =
    process.env.MEDGRID_PG_PASSWORD ??
    readFileSync(
      join(process.env.MEDGRID_CACHE ?? join(REPO, '.cache'), 'secrets/pg-password'),
      'utf8',
    ).trim();
  const user = process.env.MEDGRID_PG_USER ?? 'medgrid';
  const host = process.env.MEDGRID_PG_HOST ?? '127.0.0.1';
  const port = process.env.MEDGRID_PG_PORT ?? '5432';
  return `postgres://${user}:${encodeURIComponent(password)}@${host}:${port}/medgrid_${service.replace('-', '_')}`;
}

const kafka = new Kafka({ clientId: 'alert-drills', brokers: BROKERS, logLevel: logLevel.NOTHING });

// ---- the drills ----------------------------------------------------------------------------------

async function hungService() {
  const service = 'payment';
  const pid = Number(readFileSync(join(RUN_DIR, `${service}.pid`), 'utf8'));
  await waitUntilQuiet('MedGridServiceDown', { service });
  const since = Date.now();
  process.kill(pid, 'SIGSTOP');
  log(`${service} (pid ${pid}) frozen`);
  try {
    const alert = await waitForAlert('MedGridServiceDown', { service }, since);
    log(`MedGridServiceDown ${alert.state} for ${service} after ${alert.seconds} s`);
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  await waitFor(`${service} to be scraped again`, async () =>
    (await query(`up{service="${service}"} == 1`)).length ? true : undefined,
  );
  log(`${service} resumed and scraped again`);
}

async function deadLetter() {
  // A topic exactly one consumer group reads, so one service parks the message (the lag gauge names each pair).
  const pairs = await query('group by (topic, consumer_group, service) (medgrid_events_consumer_lag)');
  const byTopic = new Map();
  for (const pair of pairs) byTopic.set(pair.metric.topic, [...(byTopic.get(pair.metric.topic) ?? []), pair]);
  // Not a compacted topic (the registry's master data): compaction would keep the drill's message for every future
  // reader. And the alert stays for 15 minutes after a dead letter: a topic without one active, so this drill's
  // raises it.
  const admin = kafka.admin();
  await admin.connect();
  const { resources } = await admin.describeConfigs({
    resources: [...byTopic.keys()].map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      configNames: ['cleanup.policy'],
    })),
    includeSynonyms: false,
  });
  await admin.disconnect();
  const compacted = new Set(
    resources
      .filter((resource) => resource.configEntries.some((entry) => entry.configValue.includes('compact')))
      .map((resource) => resource.resourceName),
  );
  let chosen;
  for (const [topic, groups] of [...byTopic].sort(([a], [b]) => a.localeCompare(b))) {
    if (groups.length !== 1 || compacted.has(topic)) continue;
    const labels = { service: groups[0].metric.service, topic };
    if (!(await activeAlerts('MedGridEventsDeadLettered', labels)).length) {
      chosen = labels;
      break;
    }
  }
  if (!chosen)
    throw new Error(
      'every topic one consumer group reads has a dead-letter alert active: run again in 15 minutes',
    );
  const { topic, service } = chosen;
  const since = Date.now();
  const producer = kafka.producer();
  await producer.connect();
  // 0xff is field 31 with wire type 7, which no protobuf decoder accepts: the envelope cannot be read.
  await producer.send({
    topic,
    messages: [
      {
        key: `drill-${uuidv7()}`,
        value: Buffer.from([0xff, 0xff, 0xff]),
        headers: { 'medgrid-drill': 'dead-letter' },
      },
    ],
  });
  await producer.disconnect();
  log(`an undecodable message sent to ${topic} (read by ${service} only)`);
  const alert = await waitForAlert('MedGridEventsDeadLettered', chosen, since, ['firing']);
  log(`MedGridEventsDeadLettered ${alert.state} for ${service} on ${topic} after ${alert.seconds} s`);
}

/**
 * The oldest retained message of a topic whose event type `wanted` accepts, read from the beginning by a throw-away
 * consumer group (the oldest, not the newest: earlier drills leave their ignored events at the end).
 */
async function oldestMessage(topic, wanted) {
  const consumer = kafka.consumer({ groupId: `alert-drills-${uuidv7()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let found;
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      if (!found && wanted(decodeEnvelope(message.value).type)) found = { partition, message };
    },
  });
  try {
    return await waitFor(`a message of ${topic} of a type the drill can replay`, async () => found, 30_000);
  } finally {
    await consumer.disconnect();
  }
}

async function consumerLag() {
  const service = 'payment';
  const topic = 'medgrid.referral.referral.v1';
  // Event types payment applies (claims follow the referral's state): only those reach its inbox, and the lock.
  const applied = new Set(
    ['Submitted', 'Accepted', 'Cancelled', 'Expired', 'Changed'].map(
      (name) => `medgrid.referral.v1.Referral${name}`,
    ),
  );
  const replayed = await oldestMessage(topic, (type) => applied.has(type));
  await waitUntilQuiet('MedGridConsumerLagHigh', { consumer_group: service, topic });
  const since = Date.now();
  const lock = new Client({ connectionString: databaseUrl(service), application_name: 'alert-drills' });
  await lock.connect();
  await lock.query('BEGIN');
  await lock.query('LOCK TABLE inbox IN ACCESS EXCLUSIVE MODE');
  log(`${service}'s inbox locked`);
  try {
    const noise = Array.from({ length: 1_050 }, () => ({
      key: replayed.message.key,
      value: encodeEnvelope({
        eventId: uuidv7(),
        type: 'medgrid.drill.v1.ConsumerLagDrill',
        schemaVersion: 1,
        occurredAt: new Date(),
        producer: 'alert-drills',
        aggregateId: uuidv7(),
        aggregateVersion: 1,
        traceContext: {},
        payload: Buffer.alloc(0),
      }),
      headers: { 'medgrid-drill': 'consumer-lag' },
    }));
    const producer = kafka.producer();
    await producer.connect();
    // One partition, the replayed event first: the consumer waits on the lock there, and everything behind it waits.
    const { partition, message } = replayed;
    await producer.send({
      topic,
      messages: [{ key: message.key, value: message.value, headers: message.headers }, ...noise].map((m) => ({
        ...m,
        partition,
      })),
    });
    await producer.disconnect();
    log(`a handled referral event and ${noise.length} ignored ones sent to ${topic}`);
    const alert = await waitForAlert('MedGridConsumerLagHigh', { consumer_group: service, topic }, since);
    log(`MedGridConsumerLagHigh ${alert.state} for ${service} on ${topic} after ${alert.seconds} s`);
  } finally {
    await lock.query('ROLLBACK');
    await lock.end();
  }
  await waitFor(`${service}'s lag on ${topic} to drain`, async () =>
    (await query(`max(medgrid_events_consumer_lag{consumer_group="${service}", topic="${topic}"}) == 0`))
      .length
      ? true
      : undefined,
  );
  log(`${service}'s inbox unlocked; its lag drained to 0`);
}

const DRILLS = { 'hung-service': hungService, 'dead-letter': deadLetter, 'consumer-lag': consumerLag };

const chosen = options.only ? [options.only] : Object.keys(DRILLS);
const started = Date.now();
try {
  for (const name of chosen) {
    if (!DRILLS[name]) throw new Error(`no drill ${name} (drills: ${Object.keys(DRILLS).join(', ')})`);
    log(`drill ${name}`);
    await DRILLS[name]();
  }
  log(`${chosen.length} drill(s) passed in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (error) {
  console.error(`[alert-drills] FAILED: ${error.message}`);
  process.exitCode = 1;
}
