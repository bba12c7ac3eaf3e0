import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * HoldSlot, BookSlot and JoinWaitlist recognised a retry from the request id on the booking or
 * the waitlist entry until they moved onto @medgrid/idempotency's client_request log. The
 * requests already answered are copied into the log, so a retry of one of them is still answered
 * after the upgrade; they carry no fingerprint, so such a retry is answered unchecked.
 */
export class ClientRequestsOfClaims1733500000003 implements MigrationInterface {
  name = 'ClientRequestsOfClaims1733500000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO client_request (operation, client_request_id, result_id, created_at)
      SELECT 'claim-slot', client_request_id, id::text, created_at FROM booking
      ON CONFLICT DO NOTHING`);
    await queryRunner.query(`
      INSERT INTO client_request (operation, client_request_id, result_id, created_at)
      SELECT 'join-waitlist', client_request_id, id::text, created_at FROM waitlist_entry
      ON CONFLICT DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM client_request WHERE operation IN ('claim-slot', 'join-waitlist') AND fingerprint IS NULL`,
    );
  }
}
