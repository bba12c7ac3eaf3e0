import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The whole referral (lifecycle, criteria outcome, routing, deadline, slot,
 * downward plan), its history and the editable criteria catalogue. The
 * registry projection routing reads comes from @medgrid/registry-view's migration.
 */
export class ReferralLifecycle1732600000001 implements MigrationInterface {
  name = 'ReferralLifecycle1732600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE referral
        ALTER COLUMN receiving_institution_id DROP NOT NULL,
        ADD COLUMN receiving_department_id   text NOT NULL DEFAULT '',
        ADD COLUMN specialty_code            text NOT NULL DEFAULT '',
        ADD COLUMN indication_codes          text[] NOT NULL DEFAULT '{}',
        ADD COLUMN matched_indication_codes  text[] NOT NULL DEFAULT '{}',
        ADD COLUMN without_indication        boolean NOT NULL DEFAULT false,
        ADD COLUMN justification             text NOT NULL DEFAULT '',
        ADD COLUMN green_channel             text NOT NULL DEFAULT 'none',
        ADD COLUMN contracted_priority       boolean NOT NULL DEFAULT false,
        ADD COLUMN results                   jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN treatment_plan            jsonb,
        ADD COLUMN met_criteria_codes        text[] NOT NULL DEFAULT '{}',
        ADD COLUMN upward_referral_id        text NOT NULL DEFAULT '',
        ADD COLUMN due_at                    timestamptz,
        ADD COLUMN deadline_breached_at      timestamptz,
        ADD COLUMN slot                      jsonb,
        ADD COLUMN submitted_at              timestamptz,
        ADD COLUMN accepted_at               timestamptz,
        ADD COLUMN arrived_at                timestamptz,
        ADD COLUMN closed_at                 timestamptz,
        ADD COLUMN updated_at                timestamptz,
        ADD COLUMN outcome_reason            text NOT NULL DEFAULT '',
        ADD COLUMN follow_up_count           integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`UPDATE referral SET updated_at = created_at, submitted_at = created_at`);
    await queryRunner.query(`ALTER TABLE referral ALTER COLUMN updated_at SET NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX referral_group_idx ON referral (group_id, created_at DESC, id DESC);
      CREATE INDEX referral_referring_idx ON referral (referring_institution_id, created_at DESC, id DESC);
      DROP INDEX referral_receiving_idx;
      CREATE INDEX referral_receiving_idx ON referral (receiving_institution_id, created_at DESC, id DESC);
      CREATE INDEX referral_patient_idx ON referral (patient_resident_id, created_at DESC);
      -- the deadline and expiry sweeps read only the referrals still open
      CREATE INDEX referral_due_idx ON referral (due_at)
        WHERE deadline_breached_at IS NULL AND status IN ('submitted', 'accepted', 'scheduled', 'arrived');
      CREATE INDEX referral_expiry_idx ON referral (submitted_at)
        WHERE direction = 'upward' AND status IN ('submitted', 'accepted', 'scheduled')`);
    await queryRunner.query(`
      CREATE TABLE referral_history (
        seq                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        referral_id           uuid NOT NULL REFERENCES referral (id),
        action                text NOT NULL,
        from_status           text,
        to_status             text NOT NULL,
        actor_subject         text NOT NULL,
        actor_institution_id  uuid,
        actor_role            text NOT NULL,
        occurred_at           timestamptz NOT NULL,
        note                  text NOT NULL,
        client_request_id     uuid
      );
      CREATE INDEX referral_history_referral_idx ON referral_history (referral_id, seq);
      -- a retried step finds the entry its first attempt wrote
      CREATE UNIQUE INDEX referral_history_request_uq ON referral_history (referral_id, client_request_id)
        WHERE client_request_id IS NOT NULL`);
    await queryRunner.query(`
      INSERT INTO referral_history (referral_id, action, from_status, to_status, actor_subject, actor_role,
                                    occurred_at, note, client_request_id)
      SELECT id, 'submit', NULL, status, 'migration', 'system', created_at, '', client_request_id FROM referral`);
    await queryRunner.query(`
      CREATE TABLE criteria_entry (
        key         text PRIMARY KEY,
        definition  jsonb NOT NULL,
        updated_at  timestamptz NOT NULL
      );
      -- bumped by every edit, so each replica reloads its cached catalogue
      CREATE TABLE criteria_catalogue_state (
        id       integer PRIMARY KEY CHECK (id = 1),
        version  bigint NOT NULL
      );
      INSERT INTO criteria_catalogue_state (id, version) VALUES (1, 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE criteria_catalogue_state; DROP TABLE criteria_entry;
      DROP TABLE referral_history;
      DROP INDEX referral_expiry_idx; DROP INDEX referral_due_idx; DROP INDEX referral_patient_idx;
      DROP INDEX referral_referring_idx; DROP INDEX referral_group_idx`);
    await queryRunner.query(`
      ALTER TABLE referral
        DROP COLUMN receiving_department_id, DROP COLUMN specialty_code, DROP COLUMN indication_codes,
        DROP COLUMN matched_indication_codes, DROP COLUMN without_indication, DROP COLUMN justification,
        DROP COLUMN green_channel, DROP COLUMN contracted_priority, DROP COLUMN results,
        DROP COLUMN treatment_plan, DROP COLUMN met_criteria_codes, DROP COLUMN upward_referral_id,
        DROP COLUMN due_at, DROP COLUMN deadline_breached_at, DROP COLUMN slot, DROP COLUMN submitted_at,
        DROP COLUMN accepted_at, DROP COLUMN arrived_at, DROP COLUMN closed_at, DROP COLUMN updated_at,
        DROP COLUMN outcome_reason, DROP COLUMN follow_up_count`);
  }
}
