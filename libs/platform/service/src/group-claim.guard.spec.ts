import { type AuditTrail } from '@medgrid/audit';
import { AuthError, type Identity, InstitutionDirectory, type InstitutionStanding } from '@medgrid/auth';
import { createLogger } from '@medgrid/logging';
import { GroupClaimGuard } from './group-claim.guard';

const clinic = '0193a000-0000-7000-8000-000000000001';
const groupA = '0193a000-0000-7000-8000-0000000000aa';
const groupB = '0193a000-0000-7000-8000-0000000000bb';
const METHOD = '/medgrid.referral.v1.ReferralService/CreateReferral';

class FakeDirectory extends InstitutionDirectory {
  readonly standings = new Map<string, InstitutionStanding>();
  lookups = 0;
  constructor(readonly authoritative: boolean) {
    super();
  }
  standingOf(institutionId: string): Promise<InstitutionStanding | null> {
    this.lookups++;
    return Promise.resolve(this.standings.get(institutionId) ?? null);
  }
}

const staff = (groupId: string | null, institutionId: string | null = clinic): Identity => ({
  subject: 'his-1',
  role: 'primary-staff',
  institutionId,
  groupId,
  practitionerId: null,
});

describe(GroupClaimGuard.name, () => {
  let directory: FakeDirectory;
  let audited: unknown[][];
  let sut: GroupClaimGuard;

  const build = (authoritative: boolean) => {
    directory = new FakeDirectory(authoritative);
    directory.standings.set(clinic, { belongsTo: [groupA], collaboratesWith: [] });
    audited = [];
    const audit = {
      recordRefusal: (...args: unknown[]) => {
        audited.push(args);
        return Promise.resolve();
      },
    } as unknown as AuditTrail;
    sut = new GroupClaimGuard(directory, audit, createLogger({ service: 'test', level: 'silent' }));
  };
  const refusalOf = (identity: Identity, now?: number) =>
    sut.admit(identity, METHOD, now).then(
      () => undefined,
      (error: unknown) => error as AuthError,
    );

  beforeEach(() => build(false));

  it('admits a consistent claim and audits nothing', async () => {
    await expect(sut.admit(staff(groupA), METHOD)).resolves.toBeUndefined();
    expect(audited).toEqual([]);
  });

  it('refuses another group with PERMISSION_DENIED and audits the refusal with the claimed group and method', async () => {
    const error = await refusalOf(staff(groupB));

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'GROUP_CLAIM_MISMATCH', category: 'permission-denied' });
    expect(audited).toEqual([
      [staff(groupB), { kind: 'medical-group', id: groupB }, 'GROUP_CLAIM_MISMATCH', METHOD],
    ]);
  });

  it('asks nothing for a token without an institution or a group', async () => {
    await sut.admit(staff(null, null), METHOD);
    await sut.admit(staff(groupB, null), METHOD);

    expect(directory.lookups).toBe(0);
  });

  it('refuses an institution its projection does not know yet as UNAVAILABLE, audited, and admits it once known', async () => {
    const stranger = { ...staff(groupA), institutionId: '0193a000-0000-7000-8000-000000000002' };

    const error = await refusalOf(stranger);
    directory.standings.set(stranger.institutionId, { belongsTo: [groupA], collaboratesWith: [] });

    expect(error).toMatchObject({ code: 'INSTITUTION_NOT_KNOWN_YET', category: 'unavailable' });
    expect(audited).toHaveLength(1);
    await expect(sut.admit(stranger, METHOD)).resolves.toBeUndefined();
  });

  it('refuses an institution the registry does not have as PERMISSION_DENIED', async () => {
    build(true);

    const error = await refusalOf({
      ...staff(groupA),
      institutionId: '0193a000-0000-7000-8000-000000000002',
    });

    expect(error).toMatchObject({ code: 'INSTITUTION_NOT_KNOWN', category: 'permission-denied' });
  });

  it('trusts an admitting standing for ten seconds, then asks again', async () => {
    const t0 = 1_000_000;
    await sut.admit(staff(groupA), METHOD, t0);
    directory.standings.set(clinic, { belongsTo: [groupB], collaboratesWith: [] });

    await sut.admit(staff(groupA), METHOD, t0 + 9_999);
    const later = await refusalOf(staff(groupA), t0 + 10_001);

    expect(directory.lookups).toBe(2);
    expect(later).toMatchObject({ code: 'GROUP_CLAIM_MISMATCH' });
  });

  it('admits at once, without a promise, only what a cached standing or the token itself admits', async () => {
    const t0 = 1_000_000;
    const before = sut.admitsAtOnce(staff(groupA), METHOD, t0);
    await sut.admit(staff(groupA), METHOD, t0);

    const answers = [
      before,
      sut.admitsAtOnce(staff(groupA), METHOD, t0 + 9_999),
      sut.admitsAtOnce(staff(groupB), METHOD, t0 + 1),
      sut.admitsAtOnce(staff(groupA), METHOD, t0 + 10_001),
      sut.admitsAtOnce(staff(null, null), METHOD, t0),
    ];

    expect(answers).toEqual([false, true, false, false, true]);
    expect(directory.lookups).toBe(1);
  });

  it('audits a call the handler refused with the method as its subject and the reason and method as purpose', async () => {
    await sut.refused(staff(groupA), METHOD, 'NOT_YOUR_INSTITUTION');

    expect(audited).toEqual([[staff(groupA), { kind: 'rpc', id: METHOD }, 'NOT_YOUR_INSTITUTION', METHOD]]);
  });

  it('never lets a cached standing admit a claim it does not support', async () => {
    await sut.admit(staff(groupA), METHOD);

    const error = await refusalOf(staff(groupB));

    expect(error).toMatchObject({ code: 'GROUP_CLAIM_MISMATCH' });
    expect(directory.lookups).toBe(2);
  });
});
