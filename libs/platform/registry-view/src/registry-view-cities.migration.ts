import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The city of a hospital, for rules a city sets (scheduling's reserve floor):
 * a group's grid (known_group.grid_id), each grid's city (known_grid) and the
 * cities (known_city). Grids and cities come from the registry's compacted
 * grid topic.
 *
 * Listed by every service that keeps the projection. Scheduling never had a
 * known_group before, so it gets one here; referral's existing rows keep a
 * null grid until their group changes again (referral reads no city). A
 * service that starts consuming the group or grid topic reads it from the
 * beginning, so its projection is whole without a backfill.
 */
export class RegistryViewCities1733300000001 implements MigrationInterface {
  name = 'RegistryViewCities1733300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS known_group (
        id                   uuid PRIMARY KEY,
        lead_institution_id  uuid,
        members              jsonb NOT NULL,
        version              bigint NOT NULL
      );
      ALTER TABLE known_group ADD COLUMN IF NOT EXISTS grid_id uuid;
      CREATE TABLE IF NOT EXISTS known_grid (
        id       uuid PRIMARY KEY,
        city_id  uuid NOT NULL
      );
      CREATE TABLE IF NOT EXISTS known_city (
        id             uuid PRIMARY KEY,
        division_code  text NOT NULL,
        name           text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE known_city; DROP TABLE known_grid; ALTER TABLE known_group DROP COLUMN grid_id`);
  }
}
