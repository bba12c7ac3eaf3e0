import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The portal's accounts (portal_user) and signed-in sessions (portal_session). A session row
 * keys on the SHA-256 of its id, so the table alone does not let anyone act as a user. The
 * lockout counters live on the account, so every replica counts the same failures. No foreign
 * key: an account is never deleted (disabled instead), and its sessions are deleted with it.
 */
export class PortalAccounts1767100000001 implements MigrationInterface {
  name = 'PortalAccounts1767100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE portal_user (
        id               uuid PRIMARY KEY,
        username         text NOT NULL,
        display_name     text NOT NULL,
        role             text NOT NULL,
        city_id          uuid NOT NULL,
        institution_id   uuid,
        group_id         uuid,
        password_hash    text,
        failed_attempts  integer NOT NULL DEFAULT 0,
        locked_until     timestamptz,
        disabled         boolean NOT NULL DEFAULT false,
        oidc_subject     text,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX portal_user_username_key ON portal_user (username);
      CREATE UNIQUE INDEX portal_user_oidc_subject_key ON portal_user (oidc_subject) WHERE oidc_subject IS NOT NULL;
      CREATE TABLE portal_session (
        id_hash       text PRIMARY KEY,
        user_id       uuid NOT NULL,
        created_at    timestamptz NOT NULL,
        last_seen_at  timestamptz NOT NULL,
        expires_at    timestamptz NOT NULL,
        user_agent    text,
        ip_address    text
      );
      CREATE INDEX portal_session_user_idx ON portal_session (user_id);
      CREATE INDEX portal_session_expires_idx ON portal_session (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE portal_session; DROP TABLE portal_user`);
  }
}
