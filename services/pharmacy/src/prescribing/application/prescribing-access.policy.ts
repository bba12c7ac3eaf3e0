import { type Identity } from '@medgrid/auth';
import { PrescribingError, PrescribingErrorCode } from '../domain/prescribing-error';

/** The roles that prescribe for one institution: its clinicians and its HIS. */
const PRESCRIBERS: readonly Identity['role'][] = ['primary-staff', 'hospital-staff', 'partner-system'];

/**
 * Who may check a prescription: the staff and systems of an institution of a group, for their own institution
 * (the one the token names), against their group's catalogue. Administrators and city operators prescribe nothing.
 */
export class PrescribingAccess {
  static canCheck(identity: Identity): boolean {
    return (
      PRESCRIBERS.includes(identity.role) && identity.institutionId !== null && identity.groupId !== null
    );
  }

  /** The prescribing institution and its group, once allowed; PRESCRIBING_ACCESS_DENIED otherwise. */
  static require(identity: Identity): { institutionId: string; groupId: string } {
    if (
      !PrescribingAccess.canCheck(identity) ||
      identity.institutionId === null ||
      identity.groupId === null
    ) {
      throw new PrescribingError(
        PrescribingErrorCode.Forbidden,
        'your role may not check a prescription: staff and systems of an institution of a group do',
      );
    }
    return { institutionId: identity.institutionId, groupId: identity.groupId };
  }
}
