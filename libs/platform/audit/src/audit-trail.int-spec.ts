import { randomUUID } from 'node:crypto';
import { AtomicInserts, createDataSource, schemaDrift, UnitOfWork } from '@medgrid/database';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { CreateAuditLog1732300000002 } from './audit-log.migration';
import { AuditLogOrmEntity } from './audit-log.orm-entity';
import { AuditTrail } from './audit-trail';

describe(AuditTrail.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: AuditTrail;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('audit_trail', (url) =>
      createDataSource({
        url,
        applicationName: 'audit-int',
        poolSize: 2,
        entities: [AuditLogOrmEntity],
        migrations: [CreateAuditLog1732300000002],
      }),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new AuditTrail(uow);
  });

  afterAll(async () => {
    await database?.close();
  });

  /** The rows about one subject id, oldest first. */
  const entriesAbout = (subjectId: string) =>
    database.dataSource
      .getRepository(AuditLogOrmEntity)
      .find({ where: { subjectId }, order: { seq: 'ASC' } });

  it('makes audit_log exactly as its entity describes it (no drift)', async () => {
    expect(await schemaDrift(database.dataSource)).toEqual([]);
  });

  it('records who read which record, why and when', async () => {
    const identity = anIdentity({ role: 'hospital-staff' });
    const referralId = randomUUID();
    const before = new Date();

    await sut.recordRead(identity, { kind: 'referral', id: referralId }, 'treatment');

    const [entry, ...more] = await entriesAbout(referralId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorSubject: identity.subject,
      actorRole: 'hospital-staff',
      actorInstitutionId: identity.institutionId,
      action: 'read',
      subjectKind: 'referral',
      subjectId: referralId,
      purpose: 'treatment',
    });
    expect(entry!.occurredAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it('stages a read in a one-statement write: its row lands with the write, or not at all', async () => {
    const identity = anIdentity({ role: 'primary-staff' });
    const written = randomUUID();
    const refused = randomUUID();

    const staged = new AtomicInserts();
    sut.stageRead(staged, identity, { kind: 'patient-results', id: written }, 'treatment');
    expect(await entriesAbout(written)).toEqual([]);
    await staged.write(database.dataSource.manager);
    const guardedOut = new AtomicInserts();
    sut.stageRead(guardedOut, identity, { kind: 'patient-results', id: refused }, 'treatment');
    await guardedOut.write(database.dataSource.manager, {
      sql: 'SELECT 1 WHERE :never',
      parameters: { never: false },
    });

    expect(await entriesAbout(written)).toEqual([
      expect.objectContaining({
        actorSubject: identity.subject,
        actorRole: 'primary-staff',
        action: 'read',
        subjectKind: 'patient-results',
        purpose: 'treatment',
      }),
    ]);
    expect(await entriesAbout(refused)).toEqual([]);
  });

  it('records one read per subject of a search, each with its kind', async () => {
    const identity = anIdentity();
    const [a, b] = [randomUUID(), randomUUID()];

    await sut.recordReads(
      identity,
      [
        { kind: 'resident', id: a },
        { kind: 'contract', id: b },
      ],
      'search',
    );

    expect(await entriesAbout(a)).toEqual([
      expect.objectContaining({ action: 'read', subjectKind: 'resident', purpose: 'search' }),
    ]);
    expect(await entriesAbout(b)).toEqual([
      expect.objectContaining({ action: 'read', subjectKind: 'contract', purpose: 'search' }),
    ]);
  });

  it('records nothing for a search that found nothing', async () => {
    const count = () => database.dataSource.getRepository(AuditLogOrmEntity).count();
    const before = await count();

    await sut.recordReads(anIdentity(), [], 'search');

    expect(await count()).toBe(before);
  });

  it('records a refusal with its reason and method, for a caller acting for no institution', async () => {
    const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
    const groupId = randomUUID();

    await sut.recordRefusal(operator, { kind: 'group', id: groupId }, 'GROUP_CLAIM_MISMATCH', 'GetReferral');

    expect(await entriesAbout(groupId)).toEqual([
      expect.objectContaining({
        actorRole: 'city-operator',
        actorInstitutionId: null,
        action: 'refused',
        subjectKind: 'group',
        purpose: 'GROUP_CLAIM_MISMATCH GetReferral',
      }),
    ]);
  });

  it('writes in the reading transaction: a read that fails leaves no audit entry, one that commits leaves it', async () => {
    const failed = randomUUID();
    const committed = randomUUID();

    await expect(
      uow.run(async () => {
        await sut.recordRead(anIdentity(), { kind: 'referral', id: failed }, 'treatment');
        throw new Error('the read failed after the audit');
      }),
    ).rejects.toThrow('the read failed after the audit');
    await uow.run(() => sut.recordRead(anIdentity(), { kind: 'referral', id: committed }, 'treatment'));

    expect(await entriesAbout(failed)).toEqual([]);
    expect(await entriesAbout(committed)).toHaveLength(1);
  });
});
