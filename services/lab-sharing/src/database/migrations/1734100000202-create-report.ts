import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A centre's reports, every signed version kept (report_version rows are added, never rewritten), and the
 * critical-value alerts of signed versions. The worklist reads a centre's open reports by urgency rank, arrival
 * and id; the sweeps take idle claims and due alerts with SKIP LOCKED.
 */
export class CreateReport1734100000202 implements MigrationInterface {
  name = 'CreateReport1734100000202';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report (
        id                        uuid PRIMARY KEY,
        order_id                  uuid NOT NULL,
        centre_id                 uuid NOT NULL,
        group_id                  uuid NOT NULL,
        ordering_institution_id   uuid NOT NULL,
        patient_resident_id       text NOT NULL,
        item_code                 text NOT NULL,
        item_kind                 text NOT NULL,
        urgency                   text NOT NULL,
        urgency_rank              smallint NOT NULL,
        item_data_class           text NOT NULL,
        received_at               timestamptz NOT NULL,
        due_at                    timestamptz NOT NULL,
        status                    text NOT NULL,
        claimed_by                uuid,
        claimed_at                timestamptz,
        claim_active_at           timestamptz,
        draft                     jsonb,
        version                   integer NOT NULL,
        CONSTRAINT report_order_uq UNIQUE (order_id),
        CONSTRAINT report_status_check CHECK (status IN ('waiting', 'in-progress', 'signed', 'cancelled'))
      );
      CREATE INDEX report_worklist_idx ON report (centre_id, status, urgency_rank, received_at, id);
      CREATE INDEX report_claim_idx ON report (status, claim_active_at);

      CREATE TABLE report_version (
        report_id          uuid NOT NULL REFERENCES report (id),
        number             integer NOT NULL,
        content            jsonb NOT NULL,
        signed_by          uuid NOT NULL,
        signed_at          timestamptz NOT NULL,
        amendment_reason   text,
        PRIMARY KEY (report_id, number)
      );

      CREATE TABLE critical_value_alert (
        id                        uuid PRIMARY KEY,
        report_id                 uuid NOT NULL REFERENCES report (id),
        report_version            integer NOT NULL,
        order_id                  uuid NOT NULL,
        group_id                  uuid NOT NULL,
        centre_id                 uuid NOT NULL,
        ordering_institution_id   uuid NOT NULL,
        patient_resident_id       text NOT NULL,
        note                      text NOT NULL,
        raised_at                 timestamptz NOT NULL,
        acknowledge_by            timestamptz NOT NULL,
        status                    text NOT NULL,
        escalated_at              timestamptz,
        acknowledged_at           timestamptz,
        acknowledged_by           uuid,
        version                   integer NOT NULL,
        CONSTRAINT critical_value_alert_status_check CHECK (status IN ('raised', 'escalated', 'acknowledged'))
      );
      CREATE INDEX critical_value_alert_site_idx ON critical_value_alert (ordering_institution_id, raised_at, id);
      CREATE INDEX critical_value_alert_due_idx ON critical_value_alert (status, acknowledge_by);`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE critical_value_alert; DROP TABLE report_version; DROP TABLE report`);
  }
}
