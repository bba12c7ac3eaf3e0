import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The referrals the result registry knows, from medgrid.referral.referral.v1: a referral's receiving institution
 * reads the patient's results while the referral is open (referral_pass_receiving_idx).
 */
export class ReferralPass1734100000303 implements MigrationInterface {
  name = 'ReferralPass1734100000303';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE referral_pass (
        referral_id uuid PRIMARY KEY,
        group_id uuid NOT NULL,
        patient_resident_id text NOT NULL,
        referring_institution_id uuid NOT NULL,
        receiving_institution_id uuid NOT NULL,
        open boolean NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE INDEX referral_pass_receiving_idx ON referral_pass (receiving_institution_id, patient_resident_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE referral_pass`);
  }
}
