import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Downward referrals' continuity assessments: one per referral, written once, never updated. */
export class ContinuityAssessment1765000000100 implements MigrationInterface {
  name = 'ContinuityAssessment1765000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE continuity_assessment (
        referral_id uuid PRIMARY KEY,
        group_id uuid NOT NULL,
        issuing_institution_id uuid NOT NULL,
        receiving_institution_id uuid NOT NULL,
        patient_resident_id text NOT NULL,
        medications jsonb NOT NULL,
        continuous boolean NOT NULL,
        days_within_rule boolean NOT NULL,
        contracted_resident boolean NOT NULL,
        assessed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX continuity_assessment_receiving_idx ON continuity_assessment (receiving_institution_id, assessed_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE continuity_assessment`);
  }
}
