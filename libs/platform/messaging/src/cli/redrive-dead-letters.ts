// `scripts/redrive-dead-letters.sh --topic <topic> [filters] [--apply]` (or
// `node libs/platform/messaging/dist/cli/redrive-dead-letters.js ...`): lists the events parked on
// `<topic>.dlt` and, with --apply, sends them back to <topic>. Brokers from KAFKA_BROKERS.
import { parseArgs } from 'node:util';
import { createLogger } from '@medgrid/logging';
import {
  type ParkedEvent,
  type RedriveOutcome,
  redriveDeadLetters,
  redriveGroupId,
} from '../dead-letters/redrive-dead-letters';
import { createKafka } from '../kafka/kafka-client';

const HELP = `Usage: redrive-dead-letters --topic <topic> [--consumer <group>] [--type <event type>]
                            [--event-id <uuid>] [--from-offset <n> | --from-time <ISO time>] [--apply]

Reads the dead letters of <topic> (the topic <topic>.dlt, where a consumer parks an event it could not
apply), lists the ones that match (event id, type, dlt-reason and error, the consumer that parked it,
when, its offset on <topic>) and, with --apply, re-publishes each one's original key, envelope and
headers (trace context, event-id, event-type) to <topic>. Without --apply it is a dry run: nothing is
sent and no position moves.

  --topic <topic>       the original topic, e.g. medgrid.referral.referral.v1 (required)
  --consumer <group>    only dead letters parked by this consumer group (dlt-consumer), e.g. payment
  --type <type>         only events of this type, e.g. medgrid.referral.v1.ReferralSubmitted
  --event-id <uuid>     only this event
  --from-offset <n>     read <topic>.dlt from this offset instead of where the last --apply stopped
  --from-time <time>    read from the first dead letter parked at or after this time
  --apply               send the matching events back to <topic>
  --help                this text

Where to start: the command keeps its position in a consumer group of its own,
medgrid.redrive.<topic> (with the filters appended, so a narrower run keeps its own position). Each
--apply commits it after every event it sends, so the same command run twice sends nothing twice;
it reads up to the end the topic had when it started.

Why it is safe: every consumer of <topic> sees the redriven event, and every consumer de-duplicates
by event id in its inbox. One that already applied it skips it; the one that parked it (its
transaction rolled back, so it has no inbox row) applies it now, or parks it again if the cause is
not fixed. A run that dies between a send and its commit sends that event again next time, which the
inboxes absorb the same way. An event parked twice is sent once per run. A dead letter whose value is
not an envelope (dlt-reason UNDECODABLE_ENVELOPE) is listed, never sent.

Brokers: KAFKA_BROKERS (default 127.0.0.1:19092). Exit status 0, 2 on a usage or Kafka error.
`;

const OUTCOMES: Record<RedriveOutcome, string> = {
  redriven: 'redriven',
  'would-redrive': 'would redrive',
  repeat: 'same event as above; sent once',
  undecodable: 'not an envelope; not sent',
};

function line(event: ParkedEvent): string {
  return [
    `${event.partition}:${event.offset}`,
    event.eventId ?? '-',
    event.type ?? '-',
    `reason=${event.reason ?? '-'}`,
    `consumer=${event.consumer ?? '-'}`,
    `parked=${event.parkedAt.toISOString()}`,
    `original-offset=${event.originalOffset ?? '-'}`,
    `-> ${OUTCOMES[event.outcome]}`,
  ].join('  ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      topic: { type: 'string' },
      consumer: { type: 'string' },
      type: { type: 'string' },
      'event-id': { type: 'string' },
      'from-offset': { type: 'string' },
      'from-time': { type: 'string' },
      apply: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (!values.topic) throw new Error('--topic <topic> is required (see --help)');
  if (values['from-offset'] !== undefined && values['from-time'] !== undefined)
    throw new Error('give --from-offset or --from-time, not both');
  const fromOffset = values['from-offset'] === undefined ? undefined : Number(values['from-offset']);
  if (fromOffset !== undefined && !(Number.isSafeInteger(fromOffset) && fromOffset >= 0))
    throw new Error(`--from-offset must be an offset (0 or more), not ${values['from-offset']}`);
  const fromTime = values['from-time'] === undefined ? undefined : new Date(values['from-time']);
  if (fromTime && Number.isNaN(fromTime.getTime()))
    throw new Error(`--from-time must be an ISO time, not ${values['from-time']}`);

  const options = {
    topic: values.topic,
    apply: values.apply,
    consumer: values.consumer,
    type: values.type,
    eventId: values['event-id'],
    fromOffset,
    fromTime,
  };
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
  const logger = createLogger({ service: 'redrive-dead-letters', level: 'warn' });
  const kafka = createKafka({ brokers, clientId: 'medgrid-redrive-dead-letters' }, logger);

  process.stdout.write(
    `${values.apply ? 'redriving' : 'dry run (nothing is sent; --apply sends)'}: ${values.topic}.dlt` +
      ` -> ${values.topic}, position in group ${redriveGroupId(options)}\n`,
  );
  const report = await redriveDeadLetters(kafka, options);
  for (const event of report.events) {
    process.stdout.write(`${line(event)}\n`);
    if (event.error) process.stdout.write(`    error: ${event.error}\n`);
  }
  const sendable = report.events.filter((event) => event.outcome === 'would-redrive').length;
  process.stdout.write(
    report.applied
      ? `${report.events.length} dead letter(s) matched, ${report.redriven} redriven\n`
      : `${report.events.length} dead letter(s) matched, ${sendable} would be redriven with --apply\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`redrive-dead-letters: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
