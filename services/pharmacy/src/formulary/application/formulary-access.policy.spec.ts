import { type Identity } from '@medgrid/auth';
import { anIdentity, thrownBy } from '@medgrid/testing';
import { FormularyError, FormularyErrorCode } from '../domain/formulary-error';
import { FormularyAccess } from './formulary-access.policy';

const GROUP = '0193a000-0000-7000-8000-000000000001';
const CENTRE = '0193a000-0000-7000-8000-000000000002';
const centre = { id: CENTRE, groupId: GROUP };

describe(FormularyAccess.name, () => {
  const sut = FormularyAccess;

  it.each<[string, Identity, boolean, boolean]>([
    [
      'the institution’s staff',
      anIdentity({ role: 'primary-staff', institutionId: CENTRE, groupId: GROUP }),
      true,
      true,
    ],
    [
      'the institution’s system',
      anIdentity({ role: 'partner-system', institutionId: CENTRE, groupId: GROUP }),
      true,
      true,
    ],
    ['staff of another institution', anIdentity({ role: 'hospital-staff', groupId: GROUP }), true, false],
    [
      'staff of an institution of no group',
      anIdentity({ role: 'primary-staff', institutionId: CENTRE, groupId: null }),
      false,
      true,
    ],
    [
      'its group’s administrator',
      anIdentity({ role: 'group-admin', groupId: GROUP, institutionId: null }),
      false,
      true,
    ],
    ['another group’s administrator', anIdentity({ role: 'group-admin', institutionId: null }), false, false],
    [
      'a city operator',
      anIdentity({ role: 'city-operator', groupId: null, institutionId: null }),
      false,
      false,
    ],
  ])('%s: writes its own formulary %s, reads the centre’s %s', (_, identity, writes, reads) => {
    expect(sut.canWrite(identity)).toBe(writes);
    expect(sut.canRead(identity, centre)).toBe(reads);
  });

  it('refuses with FORMULARY_ACCESS_DENIED', () => {
    expect(thrownBy(FormularyError, () => sut.require(false, 'read it'))).toMatchObject({
      code: FormularyErrorCode.Forbidden,
      category: 'permission-denied',
    });
  });
});
