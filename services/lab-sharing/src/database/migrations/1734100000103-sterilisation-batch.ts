import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Sterilisation-supply batches (sterilisation_batch): the packages a site sent and every cycle run on them, as
 * jsonb documents of the batch, with the times of each step and the version every update names. A centre's and
 * a sending site's lists read them newest first.
 */
export class SterilisationBatch1734100000103 implements MigrationInterface {
  name = 'SterilisationBatch1734100000103';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sterilisation_batch (
        id                      uuid PRIMARY KEY,
        group_id                uuid NOT NULL,
        centre_id               uuid NOT NULL,
        centre_institution_id   uuid NOT NULL,
        sending_institution_id  uuid NOT NULL,
        packages                jsonb NOT NULL,
        status                  text NOT NULL,
        cycles                  jsonb NOT NULL,
        sent_at                 timestamptz NOT NULL,
        received_at             timestamptz,
        dispatched_at           timestamptz,
        returned_at             timestamptz,
        version                 integer NOT NULL
      );
      CREATE INDEX sterilisation_batch_centre_idx ON sterilisation_batch (centre_id, sent_at, id);
      CREATE INDEX sterilisation_batch_sender_idx ON sterilisation_batch (sending_institution_id, sent_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sterilisation_batch`);
  }
}
