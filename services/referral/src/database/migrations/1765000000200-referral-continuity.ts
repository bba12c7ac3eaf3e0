import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Pharmacy's continuity assessment of a downward referral's medication list, attached to the referral. */
export class ReferralContinuity1765000000200 implements MigrationInterface {
  name = 'ReferralContinuity1765000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE referral_continuity (
        referral_id uuid PRIMARY KEY,
        assessed_at timestamptz NOT NULL,
        assessment jsonb NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE referral_continuity`);
  }
}
