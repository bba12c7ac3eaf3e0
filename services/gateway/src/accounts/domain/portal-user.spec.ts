import { normaliseUsername, type PortalUserView, serviceIdentityOf } from './portal-user';

describe(serviceIdentityOf.name, () => {
  const institutionId = '0193a000-0000-7000-8000-000000000001';
  const groupId = '0193a000-0000-7000-8000-000000000002';
  const user = (role: PortalUserView['role']): PortalUserView => ({
    id: '0193a000-0000-7000-8000-0000000000aa',
    username: 'li.ming',
    displayName: '李明',
    role,
    cityId: '0193a000-0000-7000-8000-000000000003',
    institutionId: role === 'city-operator' ? null : institutionId,
    groupId: role === 'city-operator' ? null : groupId,
  });

  it('asserts a city operator with no institution or group', () => {
    expect(serviceIdentityOf(user('city-operator'), null)).toEqual({
      subject: 'portal:li.ming',
      role: 'city-operator',
      institutionId: null,
      groupId: null,
      practitionerId: null,
    });
  });

  it('asserts a group administrator with the institution and group the account is bound to', () => {
    expect(serviceIdentityOf(user('group-admin'), null)).toMatchObject({
      role: 'group-admin',
      institutionId,
      groupId,
    });
  });

  it("asserts institution staff as primary or hospital staff by the institution's level", () => {
    expect(serviceIdentityOf(user('institution-staff'), 'primary').role).toBe('primary-staff');
    expect(serviceIdentityOf(user('institution-staff'), 'hospital').role).toBe('hospital-staff');
    expect(() => serviceIdentityOf(user('institution-staff'), null)).toThrow(/institution kind/);
  });

  it('reads usernames trimmed and lower-cased', () => {
    expect(normaliseUsername('  Li.Ming ')).toBe('li.ming');
  });
});
