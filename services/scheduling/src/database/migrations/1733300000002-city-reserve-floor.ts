import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A city's reserve floor, one row per version (CityReserveFloor): rows are
 * only ever added, so the table is the audit trail of who set which floor,
 * when, why, and from which date; a trigger refuses updates and deletes.
 *
 * reserve_policy learns which of its ratios a city operator let below the
 * floor. Before this release a policy's ratios were used as stored, so a
 * policy with an override keeps both of its ratios as they are.
 */
export class CityReserveFloor1733300000002 implements MigrationInterface {
  name = 'CityReserveFloor1733300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE city_reserve_floor (
        city_id           uuid NOT NULL,
        version           integer NOT NULL CHECK (version > 0),
        slot_numerator    integer NOT NULL CHECK (slot_numerator > 0),
        slot_denominator  integer NOT NULL CHECK (slot_denominator >= slot_numerator),
        bed_numerator     integer NOT NULL CHECK (bed_numerator > 0),
        bed_denominator   integer NOT NULL CHECK (bed_denominator >= bed_numerator),
        effective_from    date NOT NULL,
        reason            text NOT NULL,
        set_by            text NOT NULL,
        set_by_role       text NOT NULL,
        set_at            timestamptz NOT NULL,
        PRIMARY KEY (city_id, version)
      );
      CREATE FUNCTION city_reserve_floor_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'city_reserve_floor is append-only: it is the audit trail of the city floors';
      END $$;
      CREATE TRIGGER city_reserve_floor_append_only BEFORE UPDATE OR DELETE ON city_reserve_floor
        FOR EACH ROW EXECUTE FUNCTION city_reserve_floor_append_only();

      ALTER TABLE reserve_policy
        ADD COLUMN slot_override boolean NOT NULL DEFAULT false,
        ADD COLUMN bed_override boolean NOT NULL DEFAULT false;
      UPDATE reserve_policy SET slot_override = true, bed_override = true WHERE override_reason <> '';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE reserve_policy DROP COLUMN slot_override, DROP COLUMN bed_override;
      DROP TABLE city_reserve_floor;
      DROP FUNCTION city_reserve_floor_append_only();
    `);
  }
}
