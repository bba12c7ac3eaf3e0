import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A session can now move to another date (MoveSession), so "one session per
 * template and date" keys on the date the template planned it for, which a
 * move leaves alone: regenerating the date a doctor moved away from finds the
 * moved session and makes no second one, and a move onto another date the
 * template covers no longer collides with that date's own session.
 *
 * The backfill is the column's definition (every session so far is where it
 * was planned), so it runs here rather than as a separate data migration.
 * Going down fails, changing nothing, if moves have since put two sessions of
 * one template on one date: which one to give up is not a migration's choice.
 */
export class SessionPlannedDate1732700000001 implements MigrationInterface {
  name = 'SessionPlannedDate1732700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE clinic_session ADD COLUMN planned_date date`);
    await queryRunner.query(`UPDATE clinic_session SET planned_date = date`);
    await queryRunner.query(`
      ALTER TABLE clinic_session
        ALTER COLUMN planned_date SET NOT NULL,
        DROP CONSTRAINT clinic_session_template_date_uq,
        ADD CONSTRAINT clinic_session_template_planned_date_uq UNIQUE (template_id, planned_date)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE clinic_session
        DROP CONSTRAINT clinic_session_template_planned_date_uq,
        ADD CONSTRAINT clinic_session_template_date_uq UNIQUE (template_id, date)`);
    await queryRunner.query(`ALTER TABLE clinic_session DROP COLUMN planned_date`);
  }
}
