import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The result registry. The performing institution's group, city and quality record are kept as they were when
 * the result was recorded, so "already done?" is one index-only scan: result_record_recognition_idx covers the
 * patient and item, newest first, leaving out results entered in error, and carries every column the rule reads.
 * result_record_patient_idx serves a patient's results across the group, newest first; a signed report's result
 * is found again by its report when the report is amended (result_record_report_uq).
 */
export class ResultRecord1734100000302 implements MigrationInterface {
  name = 'ResultRecord1734100000302';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE result_record (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL,
        patient_resident_id text NOT NULL,
        item_code text NOT NULL,
        item_kind text NOT NULL,
        order_id uuid,
        report_id uuid,
        report_version integer NOT NULL,
        performer_institution_id uuid NOT NULL,
        performer_group_id uuid,
        performer_region_id uuid,
        performer_accredited boolean NOT NULL,
        performer_quality_control_passed boolean NOT NULL,
        performed_at timestamptz NOT NULL,
        reported_at timestamptz NOT NULL,
        observations jsonb NOT NULL,
        conclusion text NOT NULL,
        study jsonb,
        data_class text NOT NULL,
        status text NOT NULL,
        entered_in_error_reason text,
        version integer NOT NULL,
        CONSTRAINT result_record_status_check CHECK (status IN ('final', 'amended', 'entered-in-error')),
        CONSTRAINT result_record_data_class_check
          CHECK (data_class IN ('general', 'infectious-disease', 'psychiatric'))
      )`);
    await queryRunner.query(`
      CREATE INDEX result_record_recognition_idx
        ON result_record (patient_resident_id, item_code, performed_at DESC)
        INCLUDE (id, performer_institution_id, performer_group_id, performer_region_id,
                 performer_accredited, performer_quality_control_passed)
        WHERE status <> 'entered-in-error'`);
    await queryRunner.query(`
      CREATE INDEX result_record_patient_idx ON result_record (patient_resident_id, performed_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX result_record_report_uq ON result_record (report_id) WHERE report_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE result_record`);
  }
}
