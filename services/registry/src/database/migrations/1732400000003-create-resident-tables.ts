import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Residents and their contracts. "At most one active contract per resident"
 * is also a partial unique index, so concurrent signings cannot both win.
 */
export class CreateResidentTables1732400000003 implements MigrationInterface {
  name = 'CreateResidentTables1732400000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE resident (
        id                  uuid PRIMARY KEY,
        resident_id_number  char(18) NOT NULL,
        name                text NOT NULL,
        birth_date          date NOT NULL,
        sex                 text NOT NULL,
        phone               text NOT NULL,
        grid_id             uuid NOT NULL CONSTRAINT resident_grid_fk REFERENCES grid (id),
        version             integer NOT NULL,
        CONSTRAINT resident_id_number_uq UNIQUE (resident_id_number)
      )`);
    await queryRunner.query(`CREATE INDEX resident_grid_idx ON resident (grid_id)`);
    await queryRunner.query(`
      CREATE TABLE contract (
        id           uuid PRIMARY KEY,
        resident_id  uuid NOT NULL CONSTRAINT contract_resident_fk REFERENCES resident (id),
        team_id      uuid NOT NULL CONSTRAINT contract_team_fk REFERENCES family_doctor_team (id),
        group_id     uuid NOT NULL,
        start_date   date NOT NULL,
        end_date     date NOT NULL,
        tags         text[] NOT NULL,
        status       text NOT NULL,
        ended_at     timestamptz,
        version      integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX contract_one_active_uq ON contract (resident_id) WHERE status = 'active'`,
    );
    await queryRunner.query(`CREATE INDEX contract_team_idx ON contract (team_id)`);
    await queryRunner.query(`CREATE INDEX contract_resident_idx ON contract (resident_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE contract`);
    await queryRunner.query(`DROP TABLE resident`);
  }
}
