import { AuthError, AuthErrorCode } from './auth-error';
import { type Identity } from './identity';

/**
 * Where an institution stands towards the medical groups, as the answering
 * service's registry data says. The registry lets an institution belong (as
 * lead or member) to at most one group and collaborate with several; a
 * projection that has not caught up may briefly show it in two.
 */
export interface InstitutionStanding {
  /** Groups it leads or is a member of. */
  readonly belongsTo: readonly string[];
  /** Groups it serves as a collaborating unit (协作单位). */
  readonly collaboratesWith: readonly string[];
}

/**
 * The answering service's "institution → groups" lookup: the registry reads
 * its own tables, the other services their projection of the registry.
 */
export abstract class InstitutionDirectory {
  /**
   * Whether an institution the directory does not know is certainly unknown
   * (the registry) or possibly just not projected yet (everyone else).
   */
  abstract readonly authoritative: boolean;

  /** Null when the directory knows nothing of the institution. */
  abstract standingOf(institutionId: string): Promise<InstitutionStanding | null>;
}

/** Whether a token's claims need the directory at all: only an institution and a group can disagree. */
export function claimsInstitutionAndGroup(
  identity: Identity,
): identity is Identity & { institutionId: string; groupId: string } {
  return identity.institutionId !== null && identity.groupId !== null;
}

/**
 * Why a token's group claim cannot be trusted, or null when it can. The issuer
 * signs what the caller's identity provider asserts; nothing there ties the
 * group to the institution, so every service checks it against the registry:
 *
 * - no institution (city operators) or no group: nothing to hold together;
 * - the institution belongs to the claimed group: consistent;
 * - it collaborates with the claimed group: consistent, except for a group
 *   administrator, who administers only the group its institution belongs to;
 * - anything else: PERMISSION_DENIED (GROUP_CLAIM_MISMATCH);
 * - an institution the directory does not know: PERMISSION_DENIED from the
 *   registry (INSTITUTION_NOT_KNOWN), UNAVAILABLE from a projection that may
 *   not have caught up yet (INSTITUTION_NOT_KNOWN_YET; retry shortly).
 */
export function groupClaimRefusal(
  identity: Identity,
  standing: InstitutionStanding | null,
  authoritative: boolean,
): AuthError | null {
  if (!claimsInstitutionAndGroup(identity)) return null;
  const { institutionId, groupId } = identity;
  if (standing === null) {
    return authoritative
      ? new AuthError(
          AuthErrorCode.InstitutionNotKnown,
          `the token's institution ${institutionId} is not registered`,
        )
      : new AuthError(
          AuthErrorCode.InstitutionNotKnownYet,
          `the token's institution ${institutionId} is not known to this service yet; try again shortly`,
        );
  }
  if (standing.belongsTo.includes(groupId)) return null;
  if (identity.role !== 'group-admin' && standing.collaboratesWith.includes(groupId)) return null;
  return new AuthError(
    AuthErrorCode.GroupClaimMismatch,
    identity.role === 'group-admin' && standing.collaboratesWith.includes(groupId)
      ? `the token's institution ${institutionId} only collaborates with group ${groupId}; a group administrator's institution must belong to it`
      : `the token's institution ${institutionId} does not belong to group ${groupId}`,
  );
}
