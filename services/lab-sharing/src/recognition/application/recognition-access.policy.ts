import { type Identity } from '@medgrid/auth';
import { INSTITUTION_ROLES } from '../../common/lab-sharing-access.policy';
import { RecognitionError, RecognitionErrorCode } from '../domain/recognition-error';

/**
 * Who may do what with the recognition catalogue and the look-ups: a city's health commission keeps its
 * catalogue (city operators); the staff and systems of an institution of a group look up and decide for their
 * own institution; the statistics are open to a group's administrator for the group, a city operator for every
 * group, and an institution's staff for their institution.
 */
export class RecognitionAccess {
  static canEditCatalogue(identity: Identity): boolean {
    return identity.role === 'city-operator';
  }

  static canLookUp(identity: Identity): boolean {
    return (
      INSTITUTION_ROLES.includes(identity.role) &&
      identity.institutionId !== null &&
      identity.groupId !== null
    );
  }

  /** The group whose statistics a caller reads (null: every group); undefined: not allowed. */
  static statisticsScope(identity: Identity, askedGroupId: string | null): string | null | undefined {
    if (identity.role === 'city-operator') return askedGroupId;
    if (identity.groupId === null) return undefined;
    if (askedGroupId !== null && askedGroupId !== identity.groupId) return undefined;
    return identity.groupId;
  }

  /** Whether the caller reads only its own institution's figures (staff and systems of an institution). */
  static ownInstitutionOnly(identity: Identity): boolean {
    return INSTITUTION_ROLES.includes(identity.role);
  }

  static require(allowed: boolean, action: string): void {
    if (!allowed) {
      throw new RecognitionError(RecognitionErrorCode.Forbidden, `your role may not ${action}`);
    }
  }
}
