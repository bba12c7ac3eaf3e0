import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A fund's own disease-group points (DIP), kept as every version whole like its capitation rates: a version is never
 * rewritten (settlement_kept), the newest read for the next, and a period settled by the groups in force on its date.
 */
export class DiseaseGroupTables1766300000001 implements MigrationInterface {
  name = 'DiseaseGroupTables1766300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE disease_group_table_version (
        fund_id uuid NOT NULL,
        version integer NOT NULL,
        groups jsonb NOT NULL,
        level_factor_bp jsonb NOT NULL,
        loaded_at timestamptz NOT NULL,
        loaded_by text NOT NULL,
        PRIMARY KEY (fund_id, version),
        CONSTRAINT disease_group_table_version_check CHECK (version > 0)
      )`);
    await queryRunner.query(`
      CREATE TRIGGER disease_group_table_version_kept BEFORE UPDATE OR DELETE ON disease_group_table_version
      FOR EACH ROW EXECUTE FUNCTION settlement_kept()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE disease_group_table_version`);
  }
}
