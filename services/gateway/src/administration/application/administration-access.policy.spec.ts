import { type PortalRole } from '../../accounts/domain/portal-user';
import { AdministrationAccess, requireAdministrator } from './administration-access.policy';

describe(AdministrationAccess.name, () => {
  const sut = AdministrationAccess;
  const city = '0193a000-0000-7000-8000-000000000003';
  const operator = { id: '0193a000-0000-7000-8000-0000000000aa', cityId: city };

  it.each<[PortalRole, boolean]>([
    ['city-operator', true],
    ['group-admin', false],
    ['institution-staff', false],
  ])('lets a %s administer accounts: %s', (role, allowed) => {
    expect(sut.administer({ role })).toBe(allowed);
    if (allowed) expect(() => requireAdministrator({ role })).not.toThrow();
    else expect(() => requireAdministrator({ role })).toThrow(/may not administer/);
  });

  it.each([
    ['an account of its city', { id: '0193a000-0000-7000-8000-0000000000bb', cityId: city }, 'may-disable'],
    ['its own account', operator, 'self'],
    [
      "another city's account",
      { id: '0193a000-0000-7000-8000-0000000000bb', cityId: '0193a000-0000-7000-8000-000000000004' },
      'not-visible',
    ],
  ])('stands towards %s as %s', (_what, account, standing) => {
    expect(sut.standingOf(operator, account)).toBe(standing);
  });
});
