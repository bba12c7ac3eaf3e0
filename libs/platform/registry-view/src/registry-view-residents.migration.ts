import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The residents the registry has registered, by identity number only (no
 * name, phone, birth date or address: a service that needs no more than "is
 * this a registered resident" keeps no more). Fed by the registry's compacted
 * resident topic; listed by the services that check patients against it
 * (referral).
 */
export class RegistryViewResidents1733100000001 implements MigrationInterface {
  name = 'RegistryViewResidents1733100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS known_resident (
        id                  uuid PRIMARY KEY,
        resident_id_number  text NOT NULL,
        version             bigint NOT NULL
      );
      CREATE INDEX IF NOT EXISTS known_resident_number_idx ON known_resident (resident_id_number)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE known_resident`);
  }
}
