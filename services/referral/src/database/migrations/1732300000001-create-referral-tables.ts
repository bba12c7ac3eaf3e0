import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The referral aggregate (the audit trail of reads is @medgrid/audit's migration). */
export class CreateReferralTables1732300000001 implements MigrationInterface {
  name = 'CreateReferralTables1732300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE referral (
        id                        uuid PRIMARY KEY,
        group_id                  uuid NOT NULL,
        client_request_id         uuid NOT NULL,
        patient_resident_id       char(18) NOT NULL,
        referring_institution_id  uuid NOT NULL,
        receiving_institution_id  uuid NOT NULL,
        direction                 text NOT NULL,
        status                    text NOT NULL,
        icd10_code                text NOT NULL,
        reason                    text NOT NULL,
        created_at                timestamptz NOT NULL,
        version                   integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX referral_client_request_uq ON referral (referring_institution_id, client_request_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX referral_receiving_idx ON referral (receiving_institution_id, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE referral`);
  }
}
