import { type KnownReferral, referralHoldEnded } from '../../booking/application/referral-holds';
import { HoldError, HoldErrorCode } from '../domain/hold-error';
import { type SlotHoldRequestRepository } from '../domain/slot-hold-request.repository';

/**
 * The referral a slot claim or an admission names, known to scheduling (from
 * referral's events) for this hospital and patient; null when none is named.
 * An unknown one is refused rather than ignored: the caller expects the
 * reserved pool and the priority it brings.
 */
export async function knownReferral(
  holds: SlotHoldRequestRepository,
  referralId: string,
  institutionId: string,
  patientResidentId: string,
  field: string,
): Promise<KnownReferral | null> {
  if (!referralId) return null;
  const referral = await holds.knownReferral(referralId);
  if (
    !referral ||
    referral.institutionId !== institutionId ||
    referral.patientResidentId !== patientResidentId
  ) {
    throw new HoldError(
      HoldErrorCode.ReferralUnknown,
      'no referral of this patient to this hospital is known to scheduling (yet)',
      field,
    );
  }
  if (referral.released) throw referralHoldEnded(field);
  return referral;
}
