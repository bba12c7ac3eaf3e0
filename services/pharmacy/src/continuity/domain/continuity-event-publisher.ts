import { type ReferralContinuity } from './referral-continuity';

/** Announces assessments (MedicationContinuityAssessed), in the transaction that stores them. */
export abstract class ContinuityEventPublisher {
  abstract assessed(assessment: ReferralContinuity): Promise<void>;
}
