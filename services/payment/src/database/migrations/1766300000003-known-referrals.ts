import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Referrals as referral announces them on its topic (the newest version of each), so that a claim's stated referral
 * is checked: this patient's, to the claiming institution, accepted by the service date.
 */
export class KnownReferrals1766300000003 implements MigrationInterface {
  name = 'KnownReferrals1766300000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE known_referral (
        id uuid PRIMARY KEY,
        patient_resident_id text NOT NULL,
        referring_institution_id uuid NOT NULL,
        receiving_institution_id uuid NOT NULL,
        status text NOT NULL,
        accepted_at timestamptz,
        version bigint NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE known_referral`);
  }
}
