import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Outbox and inbox tables, included in every service's migration list.
 *
 * outbox: events written in the same transaction as the state change; the
 *   relay publishes unpublished rows in `seq` order and stamps published_at.
 * inbox: one row per (consumer, event) applied, written in the same
 *   transaction as the consumer's effect, so a redelivered event is skipped.
 */
export class CreateMessagingTables1732300000000 implements MigrationInterface {
  name = 'CreateMessagingTables1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        seq               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id          uuid NOT NULL UNIQUE,
        topic             text NOT NULL,
        message_key       text NOT NULL,
        event_type        text NOT NULL,
        envelope          bytea NOT NULL,
        trace_context     jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at        timestamptz NOT NULL DEFAULT now(),
        published_at      timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer          text NOT NULL,
        event_id          uuid NOT NULL,
        event_type        text NOT NULL,
        topic             text NOT NULL,
        handled_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox`);
    await queryRunner.query(`DROP TABLE outbox`);
  }
}
