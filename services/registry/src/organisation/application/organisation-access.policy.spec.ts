import { type Role } from '@medgrid/auth';
import { anIdentity } from '@medgrid/testing';
import { OrganisationAccess } from './organisation-access.policy';

const group = '0193a000-0000-7000-8000-0000000000aa';
const hospital = { id: '0193a000-0000-7000-8000-000000000002', groupId: group };

describe(OrganisationAccess.name, () => {
  const sut = OrganisationAccess;

  it.each<[Role, string | null, string | null, boolean]>([
    ['city-operator', null, null, true],
    ['group-admin', null, group, true],
    ['group-admin', null, '0193a000-0000-7000-8000-0000000000bb', false],
    ['hospital-staff', hospital.id, group, false],
  ])(
    '%s (institution %s, group %s) may manage the group’s institution: %s',
    (role, institutionId, groupId, expected) => {
      expect(sut.manageInstitution(anIdentity({ role, institutionId, groupId }), hospital)).toBe(expected);
    },
  );

  it.each<[Role, string | null, string | null, boolean]>([
    ['city-operator', null, null, true],
    ['group-admin', null, group, true],
    ['group-admin', null, '0193a000-0000-7000-8000-0000000000bb', false],
    ['hospital-staff', hospital.id, group, true],
    ['partner-system', hospital.id, group, true],
    ['primary-staff', '0193a000-0000-7000-8000-000000000009', group, false],
  ])(
    '%s (institution %s, group %s) may register the hospital’s departments: %s',
    (role, institutionId, groupId, expected) => {
      expect(sut.actForInstitution(anIdentity({ role, institutionId, groupId }), hospital)).toBe(expected);
    },
  );

  it('leaves the city map to city operators', () => {
    expect(sut.manageCityMap(anIdentity({ role: 'city-operator', institutionId: null, groupId: null }))).toBe(
      true,
    );
    expect(sut.manageCityMap(anIdentity({ role: 'group-admin' }))).toBe(false);
  });

  it('lets a group administrator manage only their own group', () => {
    expect(sut.manageGroup(anIdentity({ role: 'group-admin', groupId: group }), group)).toBe(true);
    expect(sut.manageGroup(anIdentity({ role: 'group-admin' }), group)).toBe(false);
  });
});
