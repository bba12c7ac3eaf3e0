import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The audit trail of reads of personal and clinical data, for every service.
 * Referral made the same table in its own first migration before this library
 * existed: on its databases this migration finds the table and its index and
 * leaves them as they are.
 */
export class CreateAuditLog1732300000002 implements MigrationInterface {
  name = 'CreateAuditLog1732300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS audit_log (
        seq                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_subject         text NOT NULL,
        actor_role            text NOT NULL,
        actor_institution_id  uuid,
        action                text NOT NULL,
        subject_kind          text NOT NULL,
        subject_id            text NOT NULL,
        purpose               text NOT NULL,
        occurred_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS audit_log_subject_idx ON audit_log (subject_kind, subject_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
  }
}
