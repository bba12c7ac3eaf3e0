import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The client request log of @medgrid/idempotency. Registry and scheduling made a table of this
 * name in their own first migrations before this library existed (registry with a uuid
 * result_id, neither with a fingerprint); on those databases this migration finds the table,
 * keeps its rows and brings it to the library's shape, and on a new database it makes it.
 */
export class CreateClientRequestLog1733500000001 implements MigrationInterface {
  name = 'CreateClientRequestLog1733500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS client_request (
        operation          text NOT NULL,
        client_request_id  uuid NOT NULL,
        result_id          text NOT NULL,
        fingerprint        text,
        created_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (operation, client_request_id)
      );
      ALTER TABLE client_request ALTER COLUMN result_id TYPE text;
      ALTER TABLE client_request ADD COLUMN IF NOT EXISTS fingerprint text;
      CREATE INDEX IF NOT EXISTS client_request_id_idx ON client_request (client_request_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE client_request`);
  }
}
