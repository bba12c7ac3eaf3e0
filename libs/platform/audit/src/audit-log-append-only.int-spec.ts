import { createDataSource, schemaDrift } from '@medgrid/database';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AuditLogAppendOnly1767300000001 } from './audit-log-append-only.migration';
import { CreateAuditLog1732300000002 } from './audit-log.migration';
import { AuditLogOrmEntity } from './audit-log.orm-entity';

/**
 * The audit log as a service meets it: migrated by the role the service connects as, which therefore owns the table
 * (scripts/postgres.sh makes one such role; a deployment's DATABASE_URL serves migrations and the service alike).
 */
describe('audit_log is append-only for the role that owns it', () => {
  let database: MigratedTestDatabase;
  let sql: Client;
  let seq: string;
  const subjectId = randomUUID();

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('audit_append_only', (url) =>
      createDataSource({
        url,
        applicationName: 'audit-append-only-int',
        poolSize: 2,
        entities: [AuditLogOrmEntity],
        migrations: [CreateAuditLog1732300000002, AuditLogAppendOnly1767300000001],
      }),
    );
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    const identity = anIdentity({ role: 'hospital-staff' });
    const { rows } = await sql.query<{ seq: string }>(
      `INSERT INTO audit_log (actor_subject, actor_role, actor_institution_id, action, subject_kind, subject_id, purpose)
       VALUES ($1, $2, $3, 'read', 'referral', $4, 'treatment') RETURNING seq`,
      [identity.subject, identity.role, identity.institutionId, subjectId],
    );
    seq = rows[0]!.seq;
  });

  afterAll(async () => {
    await sql?.end();
    await database?.close();
  });

  const row = async () =>
    (await sql.query(`SELECT action, purpose FROM audit_log WHERE seq = $1`, [seq])).rows[0] as unknown;

  it('connects as the table owner, as a service does', async () => {
    const { rows } = await sql.query<{ owner: string; me: string }>(
      `SELECT tableowner AS owner, current_user AS me FROM pg_tables WHERE tablename = 'audit_log'`,
    );
    expect(rows[0]!.owner).toBe(rows[0]!.me);
  });

  it('still takes new rows and reads them back', async () => {
    expect(await row()).toEqual({ action: 'read', purpose: 'treatment' });
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET purpose = 'nothing to see' WHERE seq = $1`],
    ['DELETE', `DELETE FROM audit_log WHERE seq = $1`],
  ])('refuses %s to the owner, and the row stays as written', async (_statement, statement) => {
    await expect(sql.query(statement, [seq])).rejects.toMatchObject({
      code: '42501',
      message: 'permission denied for table audit_log',
    });
    expect(await row()).toEqual({ action: 'read', purpose: 'treatment' });
  });

  it('refuses TRUNCATE to the owner', async () => {
    await expect(sql.query(`TRUNCATE audit_log`)).rejects.toMatchObject({ code: '42501' });
    expect(await row()).toEqual({ action: 'read', purpose: 'treatment' });
  });

  it('still refuses UPDATE, DELETE and TRUNCATE when the owner grants itself the privileges again', async () => {
    await sql.query('BEGIN');
    try {
      await sql.query(`GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO CURRENT_USER`);
      for (const statement of [
        `UPDATE audit_log SET purpose = 'nothing to see' WHERE seq = ${Number(seq)}`,
        `DELETE FROM audit_log WHERE seq = ${Number(seq)}`,
        `TRUNCATE audit_log`,
      ]) {
        await sql.query('SAVEPOINT attempt');
        await expect(sql.query(statement)).rejects.toThrow(/never updated or deleted/);
        await sql.query('ROLLBACK TO SAVEPOINT attempt');
      }
    } finally {
      await sql.query('ROLLBACK');
    }
    expect(await row()).toEqual({ action: 'read', purpose: 'treatment' });
  });

  it('leaves the table as its entity describes it (no drift)', async () => {
    expect(await schemaDrift(database.dataSource)).toEqual([]);
  });
});
