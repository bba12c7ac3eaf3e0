import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The residents' coverage (参保): one row per spell of a scheme, from a local date until one (exclusive) or on, and
 * the record of each roll loaded with its row-by-row report (the answer to a retry).
 */
export class Enrolment1734500000001 implements MigrationInterface {
  name = 'Enrolment1734500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE coverage_spell (
        resident_id text NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        scheme text NOT NULL,
        PRIMARY KEY (resident_id, valid_from),
        CONSTRAINT coverage_spell_scheme_check CHECK (scheme IN ('urban-employee', 'urban-rural-resident')),
        CONSTRAINT coverage_spell_period_check CHECK (valid_until IS NULL OR valid_until > valid_from)
      )`);
    await queryRunner.query(`
      CREATE TABLE coverage_load (
        id uuid PRIMARY KEY,
        resident_count integer NOT NULL,
        report jsonb NOT NULL,
        loaded_by text NOT NULL,
        loaded_by_role text NOT NULL,
        loaded_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE coverage_load`);
    await queryRunner.query(`DROP TABLE coverage_spell`);
  }
}
