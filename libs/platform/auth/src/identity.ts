/** Roles a caller can hold (docs/architecture.md, identity and access). */
export const ROLES = [
  'primary-staff',
  'hospital-staff',
  'group-admin',
  'city-operator',
  'partner-system',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by a verified token. Use cases authorise against it. */
export interface Identity {
  /** Token subject: a user or a partner system's client id. */
  readonly subject: string;
  /** Institution (UUID) the caller acts for; city operators may have none. */
  readonly institutionId: string | null;
  /** Medical group (UUID) of that institution; city operators may have none. */
  readonly groupId: string | null;
  readonly role: Role;
  /** Practitioner (UUID) when a clinician is acting. */
  readonly practitionerId: string | null;
}
