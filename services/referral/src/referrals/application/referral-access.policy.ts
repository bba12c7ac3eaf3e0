import { type Identity } from '@medgrid/auth';
import { type ReferralSnapshot } from '../domain/referral';
import { type ReferralActor } from '../domain/referral-actor';
import { ReferralError, ReferralErrorCode } from '../domain/referral-error';
import { type ReferralVisibility } from '../domain/referral.repository';

/**
 * Who may see a referral: the institutions that sent or received it, the
 * group's administrators, and city operators. Everyone else is told it does
 * not exist, so ids cannot be probed.
 */
export function canViewReferral(identity: Identity, referral: ReferralSnapshot): boolean {
  switch (identity.role) {
    case 'city-operator':
      return true;
    case 'group-admin':
      return identity.groupId === referral.groupId;
    case 'primary-staff':
    case 'hospital-staff':
    case 'partner-system':
      return (
        identity.institutionId === referral.referringInstitutionId ||
        identity.institutionId === referral.receivingInstitutionId
      );
  }
}

/** The same rule as a filter for lists and the change stream. */
export function visibilityOf(identity: Identity): ReferralVisibility {
  switch (identity.role) {
    case 'city-operator':
      return { kind: 'all' };
    case 'group-admin':
      return { kind: 'group', groupId: identity.groupId ?? '00000000-0000-0000-0000-000000000000' };
    case 'primary-staff':
    case 'hospital-staff':
    case 'partner-system':
      return {
        kind: 'institution',
        institutionId: identity.institutionId ?? '00000000-0000-0000-0000-000000000000',
      };
  }
}

/** Only staff or systems of the referring institution may send a referral on its behalf. */
export function canSendReferralFrom(identity: Identity, referringInstitutionId: string): boolean {
  switch (identity.role) {
    case 'primary-staff':
    case 'hospital-staff':
    case 'partner-system':
      return identity.institutionId === referringInstitutionId;
    case 'group-admin':
    case 'city-operator':
      return false;
  }
}

/**
 * Refuses a new referral sent on behalf of another institution; returns the
 * group it belongs to (the sender's, from its identity).
 */
export function requireSender(identity: Identity, referringInstitutionId: string, who: string): string {
  if (!canSendReferralFrom(identity, referringInstitutionId) || identity.groupId === null) {
    throw new ReferralError(
      ReferralErrorCode.NotYourInstitution,
      `${who} can only be sent by the referring institution itself`,
      'referringInstitutionId',
    );
  }
  return identity.groupId;
}

/** Which end of a referral acts in a step: the sender submits and cancels, the receiver does the rest. */
export type ReferralSide = 'referring' | 'receiving';

/**
 * Refuses a step to anyone but staff or systems of the institution on that
 * side. A caller who may not even see the referral hears it does not exist.
 */
export function requireSide(
  identity: Identity,
  referral: ReferralSnapshot,
  side: ReferralSide,
  what: string,
): void {
  if (!canViewReferral(identity, referral)) {
    throw new ReferralError(ReferralErrorCode.NotFound, `referral ${referral.id} not found`, 'id');
  }
  const institutionId =
    side === 'referring' ? referral.referringInstitutionId : referral.receivingInstitutionId;
  if (!canSendReferralFrom(identity, institutionId)) {
    throw new ReferralError(
      ReferralErrorCode.NotAllowed,
      `only the ${side} institution may ${what} this referral`,
      'id',
    );
  }
}

export function actorOf(identity: Identity): ReferralActor {
  return { subject: identity.subject, institutionId: identity.institutionId, role: identity.role };
}
