import { type PortalRole, type PortalUserView } from '../../accounts/domain/portal-user';
import { AdministrationError, AdministrationErrorCode } from '../domain/administration-error';

/** The accounts an operator makes: a city's operators are made by the command line only. */
export const ADMINISTERED_ROLES = [
  'group-admin',
  'institution-staff',
] as const satisfies readonly PortalRole[];

/**
 * Who may administer portal accounts: a city's operators, within their own city. A group's
 * administrators and an institution's staff administer none (their people are the city's to
 * grant), and an operator may not disable itself.
 */
export class AdministrationAccess {
  static administer(user: Pick<PortalUserView, 'role'>): boolean {
    return user.role === 'city-operator';
  }

  /** What an operator may do to an account: disable it, or not see it at all (another city's). */
  static standingOf(
    operator: Pick<PortalUserView, 'id' | 'cityId'>,
    account: Pick<PortalUserView, 'id' | 'cityId'>,
  ): 'may-disable' | 'self' | 'not-visible' {
    if (account.cityId !== operator.cityId) return 'not-visible';
    if (account.id === operator.id) return 'self';
    return 'may-disable';
  }
}

/** Refuses anyone but a city operator with NOT_CITY_OPERATOR (403). */
export function requireAdministrator(user: Pick<PortalUserView, 'role'>): void {
  if (!AdministrationAccess.administer(user)) {
    throw new AdministrationError(
      AdministrationErrorCode.NotCityOperator,
      `a ${user.role} may not administer portal accounts`,
    );
  }
}
