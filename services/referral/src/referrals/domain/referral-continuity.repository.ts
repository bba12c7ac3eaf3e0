/**
 * Pharmacy's continuity assessment of a downward referral's medication list, as referral keeps it beside the
 * referral: pharmacy's contract (medgrid.pharmacy.v1.ContinuityAssessment) in its JSON form, which referral shows
 * and does not judge.
 */
export interface AttachedContinuity {
  readonly referralId: string;
  readonly assessedAt: Date;
  readonly assessment: Readonly<Record<string, unknown>>;
}

/** The assessments attached to referrals (all SQL lives in the adapter). */
export abstract class ReferralContinuityRepository {
  /** Attaches the assessment, unless one assessed at the same instant or later is attached already. */
  abstract attach(continuity: AttachedContinuity): Promise<void>;
  abstract find(referralId: string): Promise<AttachedContinuity | null>;
}
