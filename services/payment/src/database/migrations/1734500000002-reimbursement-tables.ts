import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The regions' reimbursement rule tables: the version each stands at, and every version with all its rows, as it
 * was loaded and by whom. Version rows are never updated or deleted: a claim's adjudication names the version it
 * was judged by.
 */
export class ReimbursementTables1734500000002 implements MigrationInterface {
  name = 'ReimbursementTables1734500000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reimbursement_table (
        region_id uuid PRIMARY KEY,
        version integer NOT NULL,
        loaded_at timestamptz NOT NULL,
        CONSTRAINT reimbursement_table_version_check CHECK (version > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE reimbursement_table_version (
        region_id uuid NOT NULL,
        version integer NOT NULL,
        rules jsonb NOT NULL,
        loaded_by text NOT NULL,
        loaded_by_role text NOT NULL,
        loaded_at timestamptz NOT NULL,
        PRIMARY KEY (region_id, version)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION reimbursement_table_version_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'reimbursement_table_version rows are history: never updated or deleted';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER reimbursement_table_version_kept BEFORE UPDATE OR DELETE ON reimbursement_table_version
      FOR EACH ROW EXECUTE FUNCTION reimbursement_table_version_kept()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reimbursement_table_version`);
    await queryRunner.query(`DROP FUNCTION reimbursement_table_version_kept()`);
    await queryRunner.query(`DROP TABLE reimbursement_table`);
  }
}
