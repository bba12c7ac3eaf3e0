import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Referral recognised a retry from its own rows (the referral's client request id, and each
 * history entry's) until it moved onto @medgrid/idempotency's client_request log. The requests
 * already answered are copied into the log, so a retry of one of them is still answered after
 * the upgrade; they carry no fingerprint, so such a retry is answered unchecked.
 */
export class ClientRequestsOfReferrals1733500000002 implements MigrationInterface {
  name = 'ClientRequestsOfReferrals1733500000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO client_request (operation, client_request_id, result_id, created_at)
      SELECT 'create-referral', client_request_id, id::text, created_at FROM referral
      ON CONFLICT DO NOTHING`);
    // A step's operation is referral-<action>; the referral's own entries (draft, issue) carry
    // the id that created it and are left out.
    await queryRunner.query(`
      INSERT INTO client_request (operation, client_request_id, result_id, created_at)
      SELECT 'referral-' || h.action, h.client_request_id, h.referral_id::text, h.occurred_at
      FROM referral_history h JOIN referral r ON r.id = h.referral_id
      WHERE h.client_request_id IS NOT NULL AND h.client_request_id <> r.client_request_id
      ON CONFLICT DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM client_request WHERE fingerprint IS NULL`);
  }
}
