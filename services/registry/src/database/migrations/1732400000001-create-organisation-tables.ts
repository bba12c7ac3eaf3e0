import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Cities, grids, institutions, medical groups with their memberships and
 * departments (requests are remembered in @medgrid/idempotency's table). The
 * one-group-per-grid and one-group-per-member rules are also unique indexes,
 * so two concurrent requests cannot both pass the domain check.
 */
export class CreateOrganisationTables1732400000001 implements MigrationInterface {
  name = 'CreateOrganisationTables1732400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE TABLE city (
        id             uuid PRIMARY KEY,
        division_code  char(6) NOT NULL,
        name           text NOT NULL,
        CONSTRAINT city_division_code_uq UNIQUE (division_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE grid (
        id       uuid PRIMARY KEY,
        city_id  uuid NOT NULL CONSTRAINT grid_city_fk REFERENCES city (id),
        code     text NOT NULL,
        name     text NOT NULL,
        CONSTRAINT grid_city_code_uq UNIQUE (city_id, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE institution (
        id           uuid PRIMARY KEY,
        credit_code  char(18) NOT NULL,
        name         text NOT NULL,
        level        text NOT NULL,
        type         text NOT NULL,
        grid_id      uuid NOT NULL CONSTRAINT institution_grid_fk REFERENCES grid (id),
        address      text NOT NULL,
        group_id     uuid,
        version      integer NOT NULL,
        CONSTRAINT institution_credit_code_uq UNIQUE (credit_code)
      )`);
    await queryRunner.query(`CREATE INDEX institution_grid_idx ON institution (grid_id)`);
    await queryRunner.query(`CREATE INDEX institution_group_idx ON institution (group_id)`);
    await queryRunner.query(
      `CREATE INDEX institution_name_trgm_idx ON institution USING gin (name gin_trgm_ops)`,
    );
    await queryRunner.query(`
      CREATE TABLE medical_group (
        id       uuid PRIMARY KEY,
        grid_id  uuid NOT NULL CONSTRAINT medical_group_grid_fk REFERENCES grid (id),
        name     text NOT NULL,
        version  integer NOT NULL,
        CONSTRAINT medical_group_grid_uq UNIQUE (grid_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE group_membership (
        group_id        uuid NOT NULL CONSTRAINT group_membership_group_fk REFERENCES medical_group (id),
        institution_id  uuid NOT NULL CONSTRAINT group_membership_institution_fk REFERENCES institution (id),
        role            text NOT NULL,
        joined_at       timestamptz NOT NULL,
        PRIMARY KEY (group_id, institution_id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX group_membership_one_group_uq ON group_membership (institution_id) WHERE role IN ('lead', 'member')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX group_membership_one_lead_uq ON group_membership (group_id) WHERE role = 'lead'`,
    );
    await queryRunner.query(`
      CREATE TABLE department (
        id              uuid PRIMARY KEY,
        institution_id  uuid NOT NULL CONSTRAINT department_institution_fk REFERENCES institution (id),
        specialty_code  text NOT NULL,
        name            text NOT NULL,
        CONSTRAINT department_institution_name_uq UNIQUE (institution_id, name)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE department`);
    await queryRunner.query(`DROP TABLE group_membership`);
    await queryRunner.query(`DROP TABLE medical_group`);
    await queryRunner.query(`DROP TABLE institution`);
    await queryRunner.query(`DROP TABLE grid`);
    await queryRunner.query(`DROP TABLE city`);
  }
}
