import { type Identity } from '@medgrid/auth';
import { anIdentity, thrownBy } from '@medgrid/testing';
import { CatalogueError, CatalogueErrorCode } from '../domain/catalogue-error';
import { CatalogueAccess } from './catalogue-access.policy';

const GROUP = '0193a000-0000-7000-8000-000000000001';

const callers: [string, Identity][] = [
  ['a group administrator', anIdentity({ role: 'group-admin', groupId: GROUP, institutionId: null })],
  ['primary staff of the group', anIdentity({ role: 'primary-staff', groupId: GROUP })],
  ['hospital staff of the group', anIdentity({ role: 'hospital-staff', groupId: GROUP })],
  ['a partner system of the group', anIdentity({ role: 'partner-system', groupId: GROUP })],
  ['a city operator', anIdentity({ role: 'city-operator', groupId: null, institutionId: null })],
];

describe(CatalogueAccess.name, () => {
  const sut = CatalogueAccess;

  it.each(callers.map(([who, identity], i) => [who, identity, i === 0, i < 4] as const))(
    '%s: edits %s, reads %s',
    (_, identity, edits, reads) => {
      expect(sut.canEdit(identity)).toBe(edits);
      expect(sut.canRead(identity)).toBe(reads);
    },
  );

  it("answers the caller's group when allowed, and refuses with CATALOGUE_ACCESS_DENIED otherwise", () => {
    const [, admin] = callers[0]!;
    const [, operator] = callers[4]!;

    expect(sut.require(admin, true, 'edit')).toBe(GROUP);
    expect(thrownBy(CatalogueError, () => sut.require(admin, false, 'edit'))).toMatchObject({
      code: CatalogueErrorCode.Forbidden,
      category: 'permission-denied',
    });
    expect(thrownBy(CatalogueError, () => sut.require(operator, true, 'read')).code).toBe(
      CatalogueErrorCode.Forbidden,
    );
  });
});
