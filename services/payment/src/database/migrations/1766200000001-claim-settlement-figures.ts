import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Set-based settlement. A claim row carries the figures of its version in force that a settlement run sums (service
 * date, level, encounter, disease group, referral, bed days, the adjudicated shares), written by intake with the
 * version and replaced by a correction, so a run sums one narrow row per claim, grouped by what its arithmetic
 * needs, without a join to the version history or a read of its jsonb. The existing claims take the figures of
 * their version in force. A run records how many claim versions it counted and their checksum instead of a row per
 * claim (the month is closed to claims once settled, so what it counted stays answerable).
 */
export class ClaimSettlementFigures1766200000001 implements MigrationInterface {
  name = 'ClaimSettlementFigures1766200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE claim
        ADD COLUMN service_date date,
        ADD COLUMN institution_level text,
        ADD COLUMN encounter text,
        ADD COLUMN disease_group text,
        ADD COLUMN referred boolean,
        ADD COLUMN bed_days integer,
        ADD COLUMN fund bigint,
        ADD COLUMN patient bigint,
        ADD COLUMN waived bigint`);
    await queryRunner.query(`
      UPDATE claim c
         SET service_date = v.service_date,
             institution_level = v.institution_level,
             encounter = v.encounter,
             disease_group = v.submission ->> 'diseaseGroup',
             referred = (v.adjudication ->> 'referral') = 'referred',
             bed_days = coalesce((v.submission -> 'encounter' ->> 'days')::integer, 0),
             fund = v.fund,
             patient = v.patient,
             waived = v.waived
        FROM claim_version v
       WHERE v.claim_id = c.id AND v.version = c.current_version`);
    for (const column of [
      'service_date',
      'institution_level',
      'encounter',
      'referred',
      'bed_days',
      'fund',
      'patient',
      'waived',
    ]) {
      await queryRunner.query(`ALTER TABLE claim ALTER COLUMN ${column} SET NOT NULL`);
    }
    await queryRunner.query(`CREATE INDEX claim_settlement_idx ON claim (group_id, service_date)`);
    await queryRunner.query(`ALTER TABLE settlement_run ADD COLUMN claims_checksum text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE settlement_run DROP COLUMN claims_checksum`);
    await queryRunner.query(`DROP INDEX claim_settlement_idx`);
    await queryRunner.query(`
      ALTER TABLE claim
        DROP COLUMN service_date, DROP COLUMN institution_level, DROP COLUMN encounter, DROP COLUMN disease_group,
        DROP COLUMN referred, DROP COLUMN bed_days, DROP COLUMN fund, DROP COLUMN patient, DROP COLUMN waived`);
  }
}
