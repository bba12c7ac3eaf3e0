import { type Identity } from '@medgrid/auth';
import { type ReferralSnapshot } from '../domain/referral';

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
