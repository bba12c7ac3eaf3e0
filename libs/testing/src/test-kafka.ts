import { randomBytes } from 'node:crypto';

/** Brokers of the real Kafka started by the project. */
export function testKafkaBrokers(): string[] {
  const brokers = process.env.MEDGRID_TEST_KAFKA_BROKERS;
  if (!brokers) {
    throw new Error(
      'MEDGRID_TEST_KAFKA_BROKERS is not set: run integration tests through scripts/test.sh (it starts Kafka)',
    );
  }
  return brokers.split(',');
}

/** A suffix that keeps one test run's consumer groups apart from another's. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}
