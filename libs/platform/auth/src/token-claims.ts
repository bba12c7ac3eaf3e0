import { isUuid } from '@medgrid/errors';
import { AuthError, AuthErrorCode } from './auth-error';
import { type Identity, type Role, ROLES } from './identity';

/** Claim names inside a MedGrid token (private claims, namespaced). */
export const CLAIMS = {
  institutionId: 'mg_inst',
  groupId: 'mg_group',
  role: 'mg_role',
  practitionerId: 'mg_prac',
} as const;

function optionalUuid(payload: Record<string, unknown>, claim: string): string | null {
  const value = payload[claim];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !isUuid(value)) {
    throw new AuthError(AuthErrorCode.ClaimInvalid, `token claim ${claim} must be a UUID`);
  }
  return value;
}

/** Turns verified token claims into an Identity, refusing inconsistent ones. */
export function identityFromClaims(payload: Record<string, unknown>): Identity {
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject === '') {
    throw new AuthError(AuthErrorCode.ClaimInvalid, 'token has no subject');
  }
  const role = payload[CLAIMS.role];
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new AuthError(
      AuthErrorCode.ClaimInvalid,
      `token claim ${CLAIMS.role} must be one of ${ROLES.join(', ')}`,
    );
  }
  const identity: Identity = {
    subject,
    role: role as Role,
    institutionId: optionalUuid(payload, CLAIMS.institutionId),
    groupId: optionalUuid(payload, CLAIMS.groupId),
    practitionerId: optionalUuid(payload, CLAIMS.practitionerId),
  };
  if (identity.role !== 'city-operator' && (identity.institutionId === null || identity.groupId === null)) {
    throw new AuthError(
      AuthErrorCode.ClaimInvalid,
      `role ${identity.role} needs ${CLAIMS.institutionId} and ${CLAIMS.groupId} claims`,
    );
  }
  return identity;
}

export function claimsFromIdentity(identity: Omit<Identity, 'subject'>): Record<string, string> {
  const claims: Record<string, string> = { [CLAIMS.role]: identity.role };
  if (identity.institutionId) claims[CLAIMS.institutionId] = identity.institutionId;
  if (identity.groupId) claims[CLAIMS.groupId] = identity.groupId;
  if (identity.practitionerId) claims[CLAIMS.practitionerId] = identity.practitionerId;
  return claims;
}
