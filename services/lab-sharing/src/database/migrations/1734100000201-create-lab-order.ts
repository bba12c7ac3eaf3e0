import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Orders to shared centres (table lab_order: `order` is an SQL keyword). The ordered item is kept as ordered
 * (code, kind, modality, specimen), so the order's rules hold when the catalogue changes; the exam data is one
 * jsonb document of the kind the item needs. Lists read an institution's or a centre's orders newest first.
 */
export class CreateLabOrder1734100000201 implements MigrationInterface {
  name = 'CreateLabOrder1734100000201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE lab_order (
        id                        uuid PRIMARY KEY,
        group_id                  uuid NOT NULL,
        centre_id                 uuid NOT NULL,
        ordering_institution_id   uuid NOT NULL,
        ordering_practitioner_id  uuid NOT NULL,
        patient_resident_id       text NOT NULL,
        item_code                 text NOT NULL,
        item_kind                 text NOT NULL,
        item_modality             text,
        item_specimen             text,
        item_data_class           text NOT NULL,
        clinical_info             text NOT NULL,
        urgency                   text NOT NULL,
        referral_id               uuid,
        lookup_id                 uuid,
        status                    text NOT NULL,
        placed_at                 timestamptz NOT NULL,
        exam                      jsonb,
        performed_at              timestamptz,
        report_id                 uuid,
        reported_at               timestamptz,
        cancel_reason             text,
        cancelled_at              timestamptz,
        version                   integer NOT NULL,
        CONSTRAINT lab_order_status_check CHECK (status IN ('placed', 'performed', 'reported', 'cancelled')),
        CONSTRAINT lab_order_urgency_check CHECK (urgency IN ('routine', 'urgent', 'emergency'))
      );
      CREATE INDEX lab_order_site_idx ON lab_order (ordering_institution_id, placed_at, id);
      CREATE INDEX lab_order_centre_idx ON lab_order (centre_id, placed_at, id);`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE lab_order`);
  }
}
