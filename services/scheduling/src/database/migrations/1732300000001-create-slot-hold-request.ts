import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Hold requests made by referrals; one per referral. */
export class CreateSlotHoldRequest1732300000001 implements MigrationInterface {
  name = 'CreateSlotHoldRequest1732300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE slot_hold_request (
        id               uuid PRIMARY KEY,
        referral_id      uuid NOT NULL,
        group_id         uuid NOT NULL,
        institution_id   uuid NOT NULL,
        status           text NOT NULL,
        source_event_id  uuid NOT NULL,
        requested_at     timestamptz NOT NULL,
        CONSTRAINT slot_hold_request_referral_uq UNIQUE (referral_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE slot_hold_request`);
  }
}
