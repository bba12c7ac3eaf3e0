import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A group's shared centres (shared_centre): kind, name, host, the institutions served in the order they were
 * added (the host first), active or closed, with the version every update names. A group's list reads them by
 * name, then id.
 */
export class SharedCentre1734100000101 implements MigrationInterface {
  name = 'SharedCentre1734100000101';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE shared_centre (
        id                      uuid PRIMARY KEY,
        group_id                uuid NOT NULL,
        kind                    text NOT NULL,
        name                    text NOT NULL,
        host_institution_id     uuid NOT NULL,
        served_institution_ids  uuid[] NOT NULL,
        status                  text NOT NULL,
        registered_at           timestamptz NOT NULL,
        closed_at               timestamptz,
        version                 integer NOT NULL
      );
      CREATE INDEX shared_centre_group_name_idx ON shared_centre (group_id, name, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE shared_centre`);
  }
}
