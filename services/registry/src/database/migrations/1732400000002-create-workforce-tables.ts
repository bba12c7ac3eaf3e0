import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Practitioners and family-doctor teams with their members. */
export class CreateWorkforceTables1732400000002 implements MigrationInterface {
  name = 'CreateWorkforceTables1732400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE practitioner (
        id                   uuid PRIMARY KEY,
        licence_number       text NOT NULL,
        name                 text NOT NULL,
        title                text NOT NULL,
        specialty_code       text NOT NULL,
        home_institution_id  uuid NOT NULL CONSTRAINT practitioner_home_institution_fk REFERENCES institution (id),
        version              integer NOT NULL,
        CONSTRAINT practitioner_licence_number_uq UNIQUE (licence_number)
      )`);
    await queryRunner.query(
      `CREATE INDEX practitioner_home_institution_idx ON practitioner (home_institution_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX practitioner_name_trgm_idx ON practitioner USING gin (name gin_trgm_ops)`,
    );
    await queryRunner.query(`
      CREATE TABLE family_doctor_team (
        id              uuid PRIMARY KEY,
        institution_id  uuid NOT NULL CONSTRAINT family_doctor_team_institution_fk REFERENCES institution (id),
        group_id        uuid NOT NULL,
        name            text NOT NULL,
        version         integer NOT NULL,
        CONSTRAINT family_doctor_team_institution_name_uq UNIQUE (institution_id, name)
      )`);
    await queryRunner.query(`
      CREATE TABLE team_member (
        team_id          uuid NOT NULL CONSTRAINT team_member_team_fk REFERENCES family_doctor_team (id),
        practitioner_id  uuid NOT NULL CONSTRAINT team_member_practitioner_fk REFERENCES practitioner (id),
        role             text NOT NULL,
        position         integer NOT NULL,
        PRIMARY KEY (team_id, practitioner_id)
      )`);
    await queryRunner.query(`CREATE INDEX team_member_practitioner_idx ON team_member (practitioner_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE team_member`);
    await queryRunner.query(`DROP TABLE family_doctor_team`);
    await queryRunner.query(`DROP TABLE practitioner`);
  }
}
