import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The groups' drug catalogues: the version each stands at, every version of every drug by the instant it takes
 * effect, and who made each change. A drug version already in force is never updated or deleted (prices never
 * change retroactively); one not yet in force may be superseded (deleted) by a later change from an earlier
 * instant, and a version row is never updated.
 */
export class DrugCatalogue1734300000100 implements MigrationInterface {
  name = 'DrugCatalogue1734300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE drug_catalogue (
        group_id uuid PRIMARY KEY,
        version integer NOT NULL,
        changed_at timestamptz NOT NULL,
        CONSTRAINT drug_catalogue_version_check CHECK (version > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE drug_version (
        group_id uuid NOT NULL,
        code text NOT NULL,
        effective_from timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        withdrawn boolean NOT NULL,
        generic_name text,
        dosage_form text,
        strength text,
        pack_size integer,
        unit text,
        pack_unit text,
        manufacturer text,
        supplier text,
        essential boolean,
        volume_based boolean,
        bid_price_fen integer,
        unified_price_fen integer,
        list_price_fen integer,
        insurance_category text,
        levels text[],
        PRIMARY KEY (group_id, code, effective_from),
        CONSTRAINT drug_version_withdrawn_check CHECK (withdrawn = (generic_name IS NULL)),
        CONSTRAINT drug_version_prices_check
          CHECK (unified_price_fen >= 0 AND list_price_fen >= 0 AND (bid_price_fen IS NULL OR bid_price_fen >= 0))
      )`);
    await queryRunner.query(
      `CREATE INDEX drug_version_generic_form_idx ON drug_version (group_id, generic_name, dosage_form)`,
    );
    await queryRunner.query(`
      CREATE TABLE drug_catalogue_change (
        group_id uuid NOT NULL,
        version integer NOT NULL,
        change text NOT NULL,
        drug_count integer NOT NULL,
        effective_from timestamptz NOT NULL,
        changed_by text NOT NULL,
        changed_by_role text NOT NULL,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (group_id, version),
        CONSTRAINT drug_catalogue_change_change_check CHECK (change IN ('loaded', 'drug-put', 'drug-withdrawn'))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION drug_version_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.effective_from > now() THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'drug_version rows in force are history: never updated or deleted';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER drug_version_kept BEFORE UPDATE OR DELETE ON drug_version
      FOR EACH ROW EXECUTE FUNCTION drug_version_kept()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE drug_catalogue_change`);
    await queryRunner.query(`DROP TABLE drug_version`);
    await queryRunner.query(`DROP FUNCTION drug_version_kept()`);
    await queryRunner.query(`DROP TABLE drug_catalogue`);
  }
}
