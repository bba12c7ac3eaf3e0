import { type Identity } from '@medgrid/auth';
import { anIdentity, thrownBy } from '@medgrid/testing';
import { PrescribingError, PrescribingErrorCode } from '../domain/prescribing-error';
import { PrescribingAccess } from './prescribing-access.policy';

const GROUP = '0193a000-0000-7000-8000-000000000001';

describe(PrescribingAccess.name, () => {
  const sut = PrescribingAccess;

  it.each<[string, Identity, boolean]>([
    [
      'primary staff of an institution of a group',
      anIdentity({ role: 'primary-staff', groupId: GROUP }),
      true,
    ],
    [
      'hospital staff of an institution of a group',
      anIdentity({ role: 'hospital-staff', groupId: GROUP }),
      true,
    ],
    ["an institution's HIS", anIdentity({ role: 'partner-system', groupId: GROUP }), true],
    ['staff of an institution of no group', anIdentity({ role: 'primary-staff', groupId: null }), false],
    [
      'a group administrator',
      anIdentity({ role: 'group-admin', groupId: GROUP, institutionId: null }),
      false,
    ],
    ['a city operator', anIdentity({ role: 'city-operator', groupId: null, institutionId: null }), false],
  ])('%s: checks %s', (_, identity, allowed) => {
    expect(sut.canCheck(identity)).toBe(allowed);
  });

  it('answers the institution and group of an allowed caller, and refuses the others', () => {
    const staff = anIdentity({ role: 'primary-staff', groupId: GROUP });
    const admin = anIdentity({ role: 'group-admin', groupId: GROUP, institutionId: null });

    expect(sut.require(staff)).toEqual({ institutionId: staff.institutionId, groupId: GROUP });
    expect(thrownBy(PrescribingError, () => sut.require(admin))).toMatchObject({
      code: PrescribingErrorCode.Forbidden,
      category: 'permission-denied',
    });
  });

  describe('statisticsScope', () => {
    const none = { institutionId: null, groupId: null };
    const other = '0193a000-0000-7000-8000-00000000ffff';

    it("holds an institution's staff and systems to their institution", () => {
      const staff = anIdentity({ role: 'primary-staff', groupId: GROUP });
      expect(sut.statisticsScope(staff, none)).toEqual({ institutionId: staff.institutionId, groupId: null });
      expect(
        thrownBy(PrescribingError, () => sut.statisticsScope(staff, { institutionId: other, groupId: null }))
          .code,
      ).toBe(PrescribingErrorCode.Forbidden);
    });

    it("holds a group's administrators to their group, and lets city operators see every institution", () => {
      const admin = anIdentity({ role: 'group-admin', groupId: GROUP });
      expect(sut.statisticsScope(admin, { institutionId: other, groupId: null })).toEqual({
        institutionId: other,
        groupId: GROUP,
      });
      expect(() => sut.statisticsScope(admin, { institutionId: null, groupId: other })).toThrow(
        PrescribingError,
      );
      const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
      expect(sut.statisticsScope(operator, none)).toEqual(none);
      expect(sut.statisticsScope(operator, { institutionId: null, groupId: other })).toEqual({
        institutionId: null,
        groupId: other,
      });
    });
  });
});
