import { type ReferralFacts, referralFacts } from '../referral-facts';

/** ReferralCancelled, ReferralExpired or a declined referral: whatever scheduling holds for it ends. */
export class ReleaseReferralHoldCommand {
  private constructor(
    readonly referralId: string,
    /** Why a slot the referral holds is cancelled, as its patient is told. */
    readonly reason: string,
  ) {}

  /** Refuses facts without the referral's ids (MALFORMED_EVENT); no reason reads "referral cancelled". */
  static create(input: ReferralFacts, reason: string): ReleaseReferralHoldCommand {
    return new ReleaseReferralHoldCommand(referralFacts(input).referralId, reason || 'referral cancelled');
  }
}
