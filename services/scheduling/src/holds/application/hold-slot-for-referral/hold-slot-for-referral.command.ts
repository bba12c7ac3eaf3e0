import { type ReferralFacts, referralFacts } from '../referral-facts';

/** ReferralAccepted: the hospital took the referral, so scheduling holds it a slot. */
export class HoldSlotForReferralCommand {
  private constructor(readonly facts: ReferralFacts) {}

  /** Refuses facts without the referral's ids (MALFORMED_EVENT). */
  static create(input: ReferralFacts): HoldSlotForReferralCommand {
    return new HoldSlotForReferralCommand(referralFacts(input));
  }
}
