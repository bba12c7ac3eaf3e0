/**
 * What the result registry keeps of a referral (from the referral service's topic): the patient it sends from one
 * institution to another, and whether it is still open. While it is, the receiving institution reads the
 * patient's results of the referral's group: the results travel with the patient.
 */
export interface ReferralPass {
  readonly referralId: string;
  readonly groupId: string;
  readonly patientResidentId: string;
  readonly referringInstitutionId: string;
  readonly receivingInstitutionId: string;
  readonly open: boolean;
  /** The referral's version: an older event than the one kept changes nothing. */
  readonly version: number;
}

/** The referral statuses (as the referral service names them) in which the patient is on their way or there. */
export const OPEN_REFERRAL_STATUSES = ['submitted', 'accepted', 'scheduled', 'arrived', 'issued', 'received'];
