import { type Identity } from '@medgrid/auth';
import { CommonError, CommonErrorCode } from './domain/common-error';

/** The roles that act for one institution: its clinicians and its systems (HIS). */
export const INSTITUTION_ROLES: readonly Identity['role'][] = [
  'primary-staff',
  'hospital-staff',
  'partner-system',
];

/**
 * Who may do what in payment. The platform has no insurance role of its own: the city's insurance administrators
 * (医保经办) act as city operators, who load the insurer's roll and the regions' rule tables. An institution's staff
 * and systems submit and correct their institution's claims and read them; a group's administrators read their
 * group's claims. A resident's coverage is read by city operators and by institutions checking a patient before
 * billing, every read audited.
 */
export class PaymentAccess {
  /** The city's insurance administration: loads rolls and rule tables. */
  static administersInsurance(identity: Identity): boolean {
    return identity.role === 'city-operator';
  }

  /** Staff or systems of an institution of a group: submit and correct that institution's claims. */
  static submitsClaims(identity: Identity): boolean {
    return (
      INSTITUTION_ROLES.includes(identity.role) &&
      identity.institutionId !== null &&
      identity.groupId !== null
    );
  }

  static readsCoverage(identity: Identity): boolean {
    return PaymentAccess.administersInsurance(identity) || PaymentAccess.submitsClaims(identity);
  }

  /** The submitting institution, or an administrator of its group. */
  static readsClaim(identity: Identity, claim: { institutionId: string; groupId: string | null }): boolean {
    if (identity.role === 'group-admin') return claim.groupId !== null && identity.groupId === claim.groupId;
    return INSTITUTION_ROLES.includes(identity.role) && identity.institutionId === claim.institutionId;
  }

  /** The submitting institution only. */
  static correctsClaim(identity: Identity, claim: { institutionId: string }): boolean {
    return PaymentAccess.submitsClaims(identity) && identity.institutionId === claim.institutionId;
  }

  /** A group's settlements: the city's insurance administration, and the group's administrators. */
  static readsSettlement(identity: Identity, groupId: string): boolean {
    if (PaymentAccess.administersInsurance(identity)) return true;
    return identity.role === 'group-admin' && identity.groupId === groupId;
  }

  /**
   * Whose counts a caller reads: a city operator any group's or the whole city's (null), a group's administrators
   * their own group's; nobody else reads statistics here.
   */
  static statisticsGroup(identity: Identity, asked: string | null): string | null {
    if (PaymentAccess.administersInsurance(identity)) return asked;
    if (identity.role === 'group-admin' && identity.groupId !== null) {
      PaymentAccess.require(asked === null || asked === identity.groupId, "read another group's statistics");
      return identity.groupId;
    }
    PaymentAccess.require(false, 'read statistics of groups');
    return null;
  }

  static require(allowed: boolean, action: string): void {
    if (!allowed) throw new CommonError(CommonErrorCode.Forbidden, `your role may not ${action}`);
  }
}
