import { type Identity } from '@medgrid/auth';
import { FormularyError, FormularyErrorCode } from '../domain/formulary-error';

/** The roles that act for one institution: its staff and its systems (HIS, pharmacy system). */
const INSTITUTION_ROLES: readonly Identity['role'][] = ['primary-staff', 'hospital-staff', 'partner-system'];

/**
 * Who may do what with a formulary: an institution writes only its own (its staff and systems, the institution
 * their token names), from its group's catalogue; the institution and its group's administrators read it.
 */
export class FormularyAccess {
  static canWrite(identity: Identity): boolean {
    return (
      INSTITUTION_ROLES.includes(identity.role) &&
      identity.institutionId !== null &&
      identity.groupId !== null
    );
  }

  static canRead(identity: Identity, institution: { id: string; groupId: string | null }): boolean {
    if (identity.role === 'group-admin') {
      return institution.groupId !== null && identity.groupId === institution.groupId;
    }
    return INSTITUTION_ROLES.includes(identity.role) && identity.institutionId === institution.id;
  }

  static require(allowed: boolean, action: string): void {
    if (!allowed) throw new FormularyError(FormularyErrorCode.Forbidden, `your role may not ${action}`);
  }
}
