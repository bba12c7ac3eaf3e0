import { type PortalUser } from '../../accounts/domain/portal-user';
import { administeredAccountOf } from './administered-account';

describe(administeredAccountOf.name, () => {
  const sut = administeredAccountOf;
  const at = new Date('2026-12-05T08:00:00Z');
  const user: PortalUser = {
    id: '0193a000-0000-7000-8000-0000000000aa',
    username: 'staff.a',
    displayName: '张护士',
    role: 'institution-staff',
    cityId: '0193a000-0000-7000-8000-000000000003',
    institutionId: '0193a000-0000-7000-8000-000000000001',
    groupId: '0193a000-0000-7000-8000-000000000002',
    passwordHash: '$argon2id$v=19$m=1024,t=3,p=1$c2FsdA$aGFzaA',
    failedAttempts: 3,
    lockedUntil: null,
    disabled: true,
    oidcSubject: 'idp|42',
    createdAt: at,
    updatedAt: at,
  };

  it('shows who the account is, its binding and standing, and never its hash, failures or provider subject', () => {
    const shown = sut(user);

    expect(shown).toEqual({
      id: user.id,
      username: 'staff.a',
      displayName: '张护士',
      role: 'institution-staff',
      cityId: user.cityId,
      institutionId: user.institutionId,
      groupId: user.groupId,
      disabled: true,
      lockedUntil: null,
      createdAt: at,
    });
    expect(JSON.stringify(shown)).not.toContain('argon2');
  });
});
