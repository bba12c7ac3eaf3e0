import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * "Already done?" look-ups and what the ordering site decided. An order after a look-up reads the site's latest
 * look-up of the patient and item (recognition_lookup_site_idx); the statistics count look-ups by time
 * (recognition_lookup_time_idx).
 */
export class RecognitionLookup1734100000301 implements MigrationInterface {
  name = 'RecognitionLookup1734100000301';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE recognition_lookup (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL,
        patient_resident_id text NOT NULL,
        item_code text NOT NULL,
        ordering_institution_id uuid NOT NULL,
        looked_up_at timestamptz NOT NULL,
        offered jsonb NOT NULL,
        outcome text NOT NULL,
        reused_result_id uuid,
        reason text,
        decided_by uuid,
        decided_at timestamptz,
        version integer NOT NULL,
        CONSTRAINT recognition_lookup_outcome_check
          CHECK (outcome IN ('nothing-offered', 'pending', 'reused', 'ordered-anyway'))
      )`);
    await queryRunner.query(`
      CREATE INDEX recognition_lookup_site_idx
        ON recognition_lookup (ordering_institution_id, patient_resident_id, item_code, looked_up_at DESC)`);
    await queryRunner.query(`CREATE INDEX recognition_lookup_time_idx ON recognition_lookup (looked_up_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE recognition_lookup`);
  }
}
