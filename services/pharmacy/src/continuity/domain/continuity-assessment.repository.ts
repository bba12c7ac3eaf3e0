import { type ReferralContinuity } from './referral-continuity';

/** The downward referrals' continuity assessments (all SQL lives in the adapter): one per referral. */
export abstract class ContinuityAssessmentRepository {
  /** Stores the assessment of a referral not assessed yet; false (and nothing stored) when it was. */
  abstract add(assessment: ReferralContinuity): Promise<boolean>;
  abstract findByReferral(referralId: string): Promise<ReferralContinuity | null>;
}
