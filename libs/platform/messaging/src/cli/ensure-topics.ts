// `node libs/platform/messaging/dist/cli/ensure-topics.js`: creates every platform topic
// (and its dead-letter topic) that is missing. Brokers from KAFKA_BROKERS.
import { ALL_TOPICS } from '@medgrid/contracts';
import { createLogger } from '@medgrid/logging';
import { createKafka } from '../kafka/kafka-client';
import { ensureTopics } from '../kafka/ensure-topics';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const logger = createLogger({ service: 'ensure-topics', level: 'warn' });

ensureTopics(createKafka({ brokers, clientId: 'medgrid-ensure-topics' }, logger), ALL_TOPICS).then(
  (created) => {
    process.stdout.write(created.length ? `created topics: ${created.join(', ')}\n` : 'all topics exist\n');
  },
  (error: unknown) => {
    process.stderr.write(`ensure-topics failed: ${String(error)}\n`);
    process.exit(1);
  },
);
