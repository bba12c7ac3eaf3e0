import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Payment's own keeping of the registry's family-doctor contracts, beside the shared known_contract: the day a
 * contract was ended early and the diseases it manages, so that a claim's contract is checked on its service date
 * and a group's residents are counted per disease for capitation. Contracts already projected are copied with no
 * disease at version 0, so the registry's next event of each (or a replay of the compacted topic) fills them in.
 */
export class FamilyDoctorContracts1766300000002 implements MigrationInterface {
  name = 'FamilyDoctorContracts1766300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE family_doctor_contract (
        id uuid PRIMARY KEY,
        resident_id_number text NOT NULL,
        team_id uuid NOT NULL,
        status text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        ended_on date,
        diseases text[] NOT NULL,
        version bigint NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX family_doctor_contract_resident_idx ON family_doctor_contract (resident_id_number)`,
    );
    await queryRunner.query(
      `CREATE INDEX family_doctor_contract_team_idx ON family_doctor_contract (team_id)`,
    );
    await queryRunner.query(`
      INSERT INTO family_doctor_contract (id, resident_id_number, team_id, status, start_date, end_date, diseases, version)
      SELECT id, resident_id_number, team_id, status, start_date, end_date, '{}', 0 FROM known_contract`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE family_doctor_contract`);
  }
}
