import { type SlotHoldRequestRepository } from '../holds/domain/slot-hold-request.repository';
import { SchedulingError, SchedulingErrorCode } from './scheduling-error';

/** Refused: the referral's hold is over, so a claim in its name would hold a slot nobody follows up. */
export function referralHoldEnded(field: string): SchedulingError {
  return new SchedulingError(
    SchedulingErrorCode.ReferralHoldEnded,
    'the referral was cancelled or expired, or its slot has ended: nothing can be held for it any more',
    field,
  );
}

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
) {
  if (!referralId) return null;
  const referral = await holds.knownReferral(referralId);
  if (
    !referral ||
    referral.institutionId !== institutionId ||
    referral.patientResidentId !== patientResidentId
  ) {
    throw new SchedulingError(
      SchedulingErrorCode.ReferralUnknown,
      'no referral of this patient to this hospital is known to scheduling (yet)',
      field,
    );
  }
  if (referral.released) throw referralHoldEnded(field);
  return referral;
}
