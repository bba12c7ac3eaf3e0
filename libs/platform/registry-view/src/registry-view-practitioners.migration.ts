import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The registry's practitioners (known_practitioner: licence, name, title, 诊疗科目 specialty, home
 * institution), from its compacted practitioner topic, and each institution's type
 * (known_institution.type), for lab-sharing, whose centres' reporters are the practitioners of the
 * host with a fitting specialty and whose dedicated shared-centre institutions host a centre
 * whatever their level.
 *
 * Listed by every service that keeps the projection (its entities are in REGISTRY_VIEW_ENTITIES).
 * Only a service that consumes the practitioner topic fills known_practitioner; the others keep it
 * empty. Rows of known_institution projected before this migration read `unknown` until their
 * institution's next event: no service that had rows then reads the type, and a service that
 * starts consuming the institution topic reads it from the beginning.
 */
export class RegistryViewPractitioners1734100000001 implements MigrationInterface {
  name = 'RegistryViewPractitioners1734100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE known_institution ADD COLUMN IF NOT EXISTS type text NOT NULL DEFAULT 'unknown';
      CREATE TABLE IF NOT EXISTS known_practitioner (
        id                   uuid PRIMARY KEY,
        licence_number       text NOT NULL,
        name                 text NOT NULL,
        title                text NOT NULL,
        specialty_code       text NOT NULL,
        home_institution_id  uuid NOT NULL,
        version              bigint NOT NULL
      );
      CREATE INDEX IF NOT EXISTS known_practitioner_home_idx ON known_practitioner (home_institution_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE known_practitioner; ALTER TABLE known_institution DROP COLUMN type`);
  }
}
