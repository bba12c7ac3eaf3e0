import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Claims: one row per institution and claim number with the version in force, and every version as received or
 * corrected with its adjudication. Version rows are never updated or deleted (a correction adds one), so what was
 * paid on which version can always be shown. A resident's year (deductible paid, fund paid) is summed from the
 * versions in force, by resident, scheme, encounter kind and service date.
 */
export class Claims1734500000003 implements MigrationInterface {
  name = 'Claims1734500000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE claim (
        id uuid PRIMARY KEY,
        institution_id uuid NOT NULL,
        group_id uuid,
        region_id uuid NOT NULL,
        claim_number text NOT NULL,
        resident_id text NOT NULL,
        current_version integer NOT NULL,
        received_at timestamptz NOT NULL,
        CONSTRAINT claim_institution_number_key UNIQUE (institution_id, claim_number),
        CONSTRAINT claim_current_version_check CHECK (current_version > 0)
      )`);
    await queryRunner.query(`CREATE INDEX claim_resident_idx ON claim (resident_id)`);
    await queryRunner.query(`
      CREATE TABLE claim_version (
        claim_id uuid NOT NULL REFERENCES claim (id),
        version integer NOT NULL,
        submission jsonb NOT NULL,
        institution_level text NOT NULL,
        service_date date NOT NULL,
        encounter text NOT NULL,
        scheme text NOT NULL,
        correction_reason text,
        received_at timestamptz NOT NULL,
        adjudication jsonb NOT NULL,
        total bigint NOT NULL,
        waived bigint NOT NULL,
        deductible bigint NOT NULL,
        fund bigint NOT NULL,
        patient bigint NOT NULL,
        PRIMARY KEY (claim_id, version),
        CONSTRAINT claim_version_shares_check CHECK (waived + fund + patient = total)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION claim_version_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'claim_version rows are history: never updated or deleted';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER claim_version_kept BEFORE UPDATE OR DELETE ON claim_version
      FOR EACH ROW EXECUTE FUNCTION claim_version_kept()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE claim_version`);
    await queryRunner.query(`DROP FUNCTION claim_version_kept()`);
    await queryRunner.query(`DROP TABLE claim`);
  }
}
