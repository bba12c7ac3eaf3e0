import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The audit trail is evidence: once written, a row is never changed or removed, not even by the service that wrote
 * it. A service connects as the role that ran its migrations, so it owns audit_log, and an owner gets every privilege
 * on its tables by default: this migration takes UPDATE, DELETE and TRUNCATE back from the owner (and from everyone),
 * and adds triggers that refuse the same statements for a role that still could run them (a superuser, or an owner
 * that granted itself the privileges again). Why both, and what neither stops, is decision record 0015.
 */
export class AuditLogAppendOnly1767300000001 implements MigrationInterface {
  name = 'AuditLogAppendOnly1767300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC, CURRENT_USER`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log rows are evidence: never updated or deleted'
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_kept BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_kept()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_not_truncated BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_kept()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_not_truncated ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_kept ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_kept()`);
    await queryRunner.query(`GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO CURRENT_USER`);
  }
}
