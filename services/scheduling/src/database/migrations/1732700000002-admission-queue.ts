import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A ward's waiting admissions are served by queue rank (green channel,
 * contracted residents, other referrals, the rest), then by request time.
 * No admission could be written before this release, so there is nothing to
 * backfill: the default only fills an empty table and is dropped at once.
 */
export class AdmissionQueue1732700000002 implements MigrationInterface {
  name = 'AdmissionQueue1732700000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE admission ADD COLUMN queue_rank smallint NOT NULL DEFAULT 3 CHECK (queue_rank BETWEEN 0 AND 3);
      ALTER TABLE admission ALTER COLUMN queue_rank DROP DEFAULT;
      CREATE INDEX admission_ward_queue_idx ON admission (ward_id, status, queue_rank, requested_at, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX admission_ward_queue_idx;
      ALTER TABLE admission DROP COLUMN queue_rank;
    `);
  }
}
