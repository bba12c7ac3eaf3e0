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

  /**
   * Whose prescribing statistics a caller may read: an institution's staff and systems their institution's, a
   * group's administrators their group's institutions, city operators every institution. Answers the scope to
   * count (the caller's own institution or group filled in); PRESCRIBING_ACCESS_DENIED for anything else.
   */
  static statisticsScope(
    identity: Identity,
    asked: { institutionId: string | null; groupId: string | null },
  ): { institutionId: string | null; groupId: string | null } {
    const denied = (why: string) => new PrescribingError(PrescribingErrorCode.Forbidden, why);
    switch (identity.role) {
      case 'city-operator':
        return asked;
      case 'group-admin':
        if (identity.groupId === null) throw denied('a group administrator reads the statistics of a group');
        if (asked.groupId !== null && asked.groupId !== identity.groupId) {
          throw denied("a group administrator reads their own group's statistics, not another group's");
        }
        return { institutionId: asked.institutionId, groupId: identity.groupId };
      case 'primary-staff':
      case 'hospital-staff':
      case 'partner-system':
        if (identity.institutionId === null)
          throw denied("an institution's staff read their institution's statistics");
        if (
          (asked.institutionId !== null && asked.institutionId !== identity.institutionId) ||
          (asked.groupId !== null && asked.groupId !== identity.groupId)
        ) {
          throw denied("an institution's staff and systems read their own institution's statistics only");
        }
        return { institutionId: identity.institutionId, groupId: null };
    }
  }
}
