import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The committed CSV imports, so that ImportCsv answers a retried request with its report. */
export class CreateCsvImportTable1733900000001 implements MigrationInterface {
  name = 'CreateCsvImportTable1733900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE csv_import (
        id           uuid PRIMARY KEY,
        kind         text NOT NULL,
        row_count    integer NOT NULL,
        accepted     integer NOT NULL,
        contracts    integer NOT NULL,
        imported_at  timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE csv_import`);
  }
}
