import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Every CheckPrescription call recorded: who checked what for whom, each line (drug, essential, volume-based, days,
 * long prescription accepted or capped, findings) in jsonb, and the check's own counts beside them, so the
 * statistics sum a few columns of an institution's rows in the period. Written once, never updated.
 */
export class PrescriptionCheck1766000000000 implements MigrationInterface {
  name = 'PrescriptionCheck1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE prescription_check (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL,
        institution_id uuid NOT NULL,
        prescriber_subject text NOT NULL,
        prescriber_role text NOT NULL,
        practitioner_id uuid,
        patient_resident_id text NOT NULL,
        checked_at timestamptz NOT NULL,
        outcome text NOT NULL,
        lines jsonb NOT NULL,
        catalogued_lines integer NOT NULL,
        essential_lines integer NOT NULL,
        volume_based_lines integer NOT NULL,
        amount_fen bigint NOT NULL,
        essential_amount_fen bigint NOT NULL,
        volume_based_amount_fen bigint NOT NULL,
        long_accepted integer NOT NULL,
        long_capped integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX prescription_check_institution_idx ON prescription_check (institution_id, checked_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX prescription_check_group_idx ON prescription_check (group_id, checked_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE prescription_check`);
  }
}
