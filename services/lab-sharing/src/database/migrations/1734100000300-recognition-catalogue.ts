import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The regions' recognition catalogues: the version each stands at, its current items, and the history of every
 * change (a load with all its items, an item put with the item, a removal), from which any earlier version can be
 * rebuilt. History rows are never updated or deleted.
 */
export class RecognitionCatalogue1734100000300 implements MigrationInterface {
  name = 'RecognitionCatalogue1734100000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE recognition_catalogue (
        region_id uuid PRIMARY KEY,
        version integer NOT NULL,
        changed_at timestamptz NOT NULL,
        CONSTRAINT recognition_catalogue_version_check CHECK (version > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE recognition_catalogue_item (
        region_id uuid NOT NULL,
        code text NOT NULL,
        national_code text,
        loinc text,
        name text NOT NULL,
        kind text NOT NULL,
        modality text,
        body_part text,
        specimen text,
        data_class text NOT NULL,
        validity_days integer,
        scope text,
        quality text[],
        PRIMARY KEY (region_id, code),
        CONSTRAINT recognition_catalogue_item_rule_check
          CHECK ((validity_days IS NULL) = (scope IS NULL) AND (scope IS NULL) = (quality IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE recognition_catalogue_change (
        region_id uuid NOT NULL,
        version integer NOT NULL,
        change text NOT NULL,
        item_code text,
        items jsonb,
        changed_by text NOT NULL,
        changed_by_role text NOT NULL,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (region_id, version),
        CONSTRAINT recognition_catalogue_change_change_check
          CHECK (change IN ('loaded', 'item-put', 'item-removed'))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION recognition_catalogue_change_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'recognition_catalogue_change rows are history: never updated or deleted';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER recognition_catalogue_change_kept BEFORE UPDATE OR DELETE ON recognition_catalogue_change
      FOR EACH ROW EXECUTE FUNCTION recognition_catalogue_change_kept()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE recognition_catalogue_change`);
    await queryRunner.query(`DROP FUNCTION recognition_catalogue_change_kept()`);
    await queryRunner.query(`DROP TABLE recognition_catalogue_item`);
    await queryRunner.query(`DROP TABLE recognition_catalogue`);
  }
}
