import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Performing institutions' quality records (lab_quality_record): ISO 15189 accreditation, external quality
 * assessment or image quality control, each with the document it rests on, its validity and who recorded it.
 * Never updated: a renewal is a new record. The recognition look-up reads an institution's records in force at
 * an instant through (institution_id, valid_until).
 */
export class LabQualityRecord1734100000102 implements MigrationInterface {
  name = 'LabQualityRecord1734100000102';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE lab_quality_record (
        id                          uuid PRIMARY KEY,
        institution_id              uuid NOT NULL,
        kind                        text NOT NULL,
        reference                   text NOT NULL,
        valid_from                  timestamptz NOT NULL,
        valid_until                 timestamptz NOT NULL,
        recorded_by                 text NOT NULL,
        recorded_by_institution_id  uuid,
        recorded_at                 timestamptz NOT NULL
      );
      CREATE INDEX lab_quality_record_institution_idx ON lab_quality_record (institution_id, valid_until)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE lab_quality_record`);
  }
}
