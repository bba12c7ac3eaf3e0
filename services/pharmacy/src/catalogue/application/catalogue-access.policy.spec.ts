import { type Identity } from '@medgrid/auth';
import { anIdentity, thrownBy } from '@medgrid/testing';
import { CatalogueError, CatalogueErrorCode } from '../domain/catalogue-error';
import { CatalogueAccess } from './catalogue-access.policy';

const GROUP = '0193a000-0000-7000-8000-000000000001';
const OTHER_GROUP = '0193a000-0000-7000-8000-000000000002';

const callers: [string, Identity][] = [
  ['a group administrator', anIdentity({ role: 'group-admin', groupId: GROUP, institutionId: null })],
  ['primary staff of the group', anIdentity({ role: 'primary-staff', groupId: GROUP })],
  ['hospital staff of the group', anIdentity({ role: 'hospital-staff', groupId: GROUP })],
  ['a partner system of the group', anIdentity({ role: 'partner-system', groupId: GROUP })],
  ['a city operator', anIdentity({ role: 'city-operator', groupId: null, institutionId: null })],
];
const [, admin] = callers[0]!;
const [, staff] = callers[1]!;
const [, operator] = callers[4]!;

describe(CatalogueAccess.name, () => {
  const sut = CatalogueAccess;

  it.each(callers.map(([who, identity], i) => [who, identity, i === 0] as const))(
    '%s: edits %s, reads',
    (_, identity, edits) => {
      expect(sut.canEdit(identity)).toBe(edits);
      expect(sut.canRead(identity)).toBe(true);
    },
  );

  it('lets no caller of no group read unless it is a city operator', () => {
    const groupless = anIdentity({ role: 'primary-staff', groupId: null });

    expect(sut.canRead(groupless)).toBe(false);
    expect(thrownBy(CatalogueError, () => sut.readableGroup(groupless, null)).code).toBe(
      CatalogueErrorCode.Forbidden,
    );
  });

  it("answers the caller's group for an edit when allowed, and refuses with CATALOGUE_ACCESS_DENIED otherwise", () => {
    expect(sut.require(admin, true, 'edit')).toBe(GROUP);
    expect(thrownBy(CatalogueError, () => sut.require(admin, false, 'edit'))).toMatchObject({
      code: CatalogueErrorCode.Forbidden,
      category: 'permission-denied',
    });
    expect(thrownBy(CatalogueError, () => sut.require(operator, sut.canEdit(operator), 'edit')).code).toBe(
      CatalogueErrorCode.Forbidden,
    );
  });

  it("reads a group member's own group, whether it names it or not", () => {
    expect(sut.readableGroup(admin, null)).toBe(GROUP);
    expect(sut.readableGroup(staff, GROUP)).toBe(GROUP);
  });

  it("refuses a group member another group's catalogue with CATALOGUE_ACCESS_DENIED", () => {
    expect(thrownBy(CatalogueError, () => sut.readableGroup(staff, OTHER_GROUP))).toMatchObject({
      code: CatalogueErrorCode.Forbidden,
      category: 'permission-denied',
    });
  });

  it('reads the group a city operator names, and refuses one naming none on groupId', () => {
    expect(sut.readableGroup(operator, OTHER_GROUP)).toBe(OTHER_GROUP);
    expect(thrownBy(CatalogueError, () => sut.readableGroup(operator, null))).toMatchObject({
      code: CatalogueErrorCode.GroupRequired,
      category: 'invalid-argument',
      violations: [{ field: 'groupId', reason: 'CATALOGUE_GROUP_REQUIRED' }],
    });
  });
});
