import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A slot hold names the primary institution that sent the referral, so that
 * institution may follow its own referral's hold. Requests recorded before
 * keep an empty value (only the hospital, the group and the city see those).
 */
export class HoldReferringInstitution1733400000001 implements MigrationInterface {
  name = 'HoldReferringInstitution1733400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE slot_hold_request ADD COLUMN referring_institution_id text NOT NULL DEFAULT ''`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE slot_hold_request DROP COLUMN referring_institution_id`);
  }
}
