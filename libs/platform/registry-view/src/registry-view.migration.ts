import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The tables the registry projection (RegistryViewTypeormRepository and the
 * registry consumers) reads and writes, for every service. Scheduling made
 * the same tables in its own first migration before this library existed:
 * IF NOT EXISTS lets this migration run on its databases (and on a
 * development database whose earlier referral migration made them) and
 * leave those tables as they are.
 */
export class CreateRegistryViewTables1732600000000 implements MigrationInterface {
  name = 'CreateRegistryViewTables1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS known_institution (
        id         uuid PRIMARY KEY,
        group_id   uuid,
        level      text NOT NULL,
        version    bigint NOT NULL
      );
      CREATE TABLE IF NOT EXISTS known_group (
        id                   uuid PRIMARY KEY,
        lead_institution_id  uuid,
        members              jsonb NOT NULL,
        version              bigint NOT NULL
      );
      CREATE TABLE IF NOT EXISTS known_department (
        id              uuid PRIMARY KEY,
        institution_id  uuid NOT NULL,
        specialty_code  text NOT NULL
      );
      CREATE INDEX IF NOT EXISTS known_department_institution_idx ON known_department (institution_id);
      CREATE TABLE IF NOT EXISTS known_team (
        id              uuid PRIMARY KEY,
        institution_id  uuid NOT NULL,
        group_id        uuid NOT NULL,
        version         bigint NOT NULL
      );
      CREATE TABLE IF NOT EXISTS known_contract (
        id                  uuid PRIMARY KEY,
        resident_id_number  text NOT NULL,
        team_id             uuid NOT NULL,
        status              text NOT NULL,
        start_date          date NOT NULL,
        end_date            date NOT NULL,
        version             bigint NOT NULL
      );
      CREATE INDEX IF NOT EXISTS known_contract_resident_idx ON known_contract (resident_id_number)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE known_contract; DROP TABLE known_team; DROP TABLE known_department; DROP TABLE known_group;
      DROP TABLE known_institution`);
  }
}
