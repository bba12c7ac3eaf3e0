import { type Identity } from '@medgrid/auth';
import { SchedulingError, SchedulingErrorCode } from './scheduling-error';

/** A hospital as scheduling knows it from the registry's events. */
export interface InstitutionRef {
  readonly id: string;
  readonly groupId: string | null;
}

/** The caller is of the hospital's group (a hospital of no group has none to share). */
function ofItsGroup(identity: Identity, institution: InstitutionRef): boolean {
  return institution.groupId !== null && identity.groupId === institution.groupId;
}

/**
 * Who may change a hospital's capacity: its own staff or systems, its group's
 * administrator, a city operator.
 */
export function canManage(identity: Identity, institution: InstitutionRef): boolean {
  switch (identity.role) {
    case 'city-operator':
      return true;
    case 'group-admin':
      return ofItsGroup(identity, institution);
    case 'hospital-staff':
    case 'partner-system':
      return identity.institutionId === institution.id;
    case 'primary-staff':
      return false;
  }
}

/**
 * Who may set a city's reserve floor: a city operator only. The floor is the
 * city's rule for every hospital in it, so no hospital or group sets its own.
 */
export function canSetCityFloor(identity: Identity): boolean {
  return identity.role === 'city-operator';
}

/**
 * Who may look at a hospital's capacity (sessions, free slots, wards): anyone
 * of the same group, the hospital itself, a city operator.
 */
export function canSeeCapacity(identity: Identity, institution: InstitutionRef): boolean {
  switch (identity.role) {
    case 'city-operator':
      return true;
    case 'group-admin':
      return ofItsGroup(identity, institution);
    case 'primary-staff':
    case 'hospital-staff':
    case 'partner-system':
      return canClaimAt(identity, institution);
  }
}

/**
 * Who may take a slot, a waitlist place or a bed for a patient at a hospital:
 * an institution that cares for the patient, of the hospital's group (primary
 * institutions book for their residents, hospitals for their own and their
 * group's patients). Group administrators and city operators supervise; they
 * do not book: a booking names the institution answerable for the patient.
 */
export function canClaimAt(identity: Identity, institution: InstitutionRef): boolean {
  switch (identity.role) {
    case 'city-operator':
    case 'group-admin':
      return false;
    case 'primary-staff':
      return ofItsGroup(identity, institution);
    case 'hospital-staff':
    case 'partner-system':
      return identity.institutionId === institution.id || ofItsGroup(identity, institution);
  }
}

/** A booking, waitlist entry or admission: the booker, the hospital, the group admin, the city. */
export function canSeeClaim(
  identity: Identity,
  claim: { institutionId: string; groupId: string; requestedBy: string },
): boolean {
  switch (identity.role) {
    case 'city-operator':
      return true;
    case 'group-admin':
      return identity.groupId === claim.groupId;
    case 'hospital-staff':
    case 'partner-system':
    case 'primary-staff':
      return identity.institutionId === claim.institutionId || identity.institutionId === claim.requestedBy;
  }
}

/**
 * Who may change a booking or a waitlist place (confirm, cancel, leave): the institution that made it or the
 * hospital it is at, its staff or systems. Group administrators and city operators see claims but do not make or
 * change them, as they do not book: a booking names the institution answerable for the patient.
 */
export function canChangeClaim(
  identity: Identity,
  claim: { institutionId: string; requestedBy: string },
): boolean {
  switch (identity.role) {
    case 'city-operator':
    case 'group-admin':
      return false;
    case 'hospital-staff':
    case 'partner-system':
    case 'primary-staff':
      return identity.institutionId === claim.institutionId || identity.institutionId === claim.requestedBy;
  }
}

export function requireAllowed(allowed: boolean, action: string): void {
  if (!allowed) throw new SchedulingError(SchedulingErrorCode.Forbidden, `your role may not ${action}`);
}
