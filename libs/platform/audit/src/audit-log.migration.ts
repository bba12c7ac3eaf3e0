import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The audit trail of reads of personal and clinical data. Services whose
 * migrations predate this library (referral) created the same table in their
 * own first migration; newer services list this migration.
 */
export class CreateAuditLog1732300000002 implements MigrationInterface {
  name = 'CreateAuditLog1732300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
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
    await queryRunner.query(`CREATE INDEX audit_log_subject_idx ON audit_log (subject_kind, subject_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
  }
}
