import { type Identity, type Role } from '@medgrid/auth';

/** Who may use the portal: the city's operators, a group's administrators, an institution's staff. */
export const PORTAL_ROLES = ['city-operator', 'group-admin', 'institution-staff'] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];

/** A portal account as stored. Usernames are kept lower-cased; they never change. */
export interface PortalUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: PortalRole;
  /** The city the user works for (every account has one: an operator's scope, a member's city). */
  readonly cityId: string;
  /** The institution the user acts for; null for a city operator. */
  readonly institutionId: string | null;
  /** The medical group of that institution; null for a city operator. */
  readonly groupId: string | null;
  /** argon2id hash (PHC string); null for an account that signs in through OIDC only. */
  readonly passwordHash: string | null;
  readonly failedAttempts: number;
  readonly lockedUntil: Date | null;
  readonly disabled: boolean;
  /** The identity provider's subject, when the account is linked to one. */
  readonly oidcSubject: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What the portal shows of the signed-in user (never the hash or the lockout counters). */
export interface PortalUserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: PortalRole;
  readonly cityId: string;
  readonly institutionId: string | null;
  readonly groupId: string | null;
}

export function viewOf(user: PortalUser): PortalUserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    cityId: user.cityId,
    institutionId: user.institutionId,
    groupId: user.groupId,
  };
}

/** How an institution's staff are known to the services: by the institution's level. */
export type InstitutionKind = 'primary' | 'hospital';

/**
 * The identity the gateway asserts to the services for a user: the services authorise every
 * call against it (roles, institution, group), the gateway only says who is calling. An
 * institution's staff are primary or hospital staff as their institution is.
 */
export function serviceIdentityOf(user: PortalUserView, institutionKind: InstitutionKind | null): Identity {
  const subject = `portal:${user.username}`;
  if (user.role === 'city-operator') {
    return { subject, role: 'city-operator', institutionId: null, groupId: null, practitionerId: null };
  }
  let role: Role = 'group-admin';
  if (user.role === 'institution-staff') {
    if (institutionKind === null) throw new Error('an institution staff member needs the institution kind');
    role = institutionKind === 'primary' ? 'primary-staff' : 'hospital-staff';
  }
  return { subject, role, institutionId: user.institutionId, groupId: user.groupId, practitionerId: null };
}

/** A username as stored and looked up: trimmed, lower-cased. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}
