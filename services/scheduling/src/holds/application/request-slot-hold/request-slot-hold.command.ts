import { type ReferralFacts, referralFacts } from '../referral-facts';

/** ReferralSubmitted: what a slot hold for the referral will need, should it be accepted. */
export class RequestSlotHoldCommand {
  private constructor(readonly facts: ReferralFacts) {}

  /** Refuses facts without the referral's ids (MALFORMED_EVENT). */
  static create(input: ReferralFacts): RequestSlotHoldCommand {
    return new RequestSlotHoldCommand(referralFacts(input));
  }
}
