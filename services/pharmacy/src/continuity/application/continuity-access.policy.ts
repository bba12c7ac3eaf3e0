import { type Identity } from '@medgrid/auth';
import { type ReferralContinuity } from '../domain/referral-continuity';

/**
 * Who may read a referral's continuity assessment: the hospital that issued the referral, the institution that
 * receives the patient, and the administrators of the referral's group. Anyone else hears it does not exist.
 */
export class ContinuityAccess {
  static canRead(identity: Identity, assessment: ReferralContinuity): boolean {
    if (identity.role === 'group-admin') return identity.groupId === assessment.groupId;
    if (identity.role === 'city-operator' || identity.institutionId === null) return false;
    return (
      identity.institutionId === assessment.issuingInstitutionId ||
      identity.institutionId === assessment.receivingInstitutionId
    );
  }
}
