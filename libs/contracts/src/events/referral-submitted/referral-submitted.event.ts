import { ReferralSubmitted } from '../../generated/medgrid/referral/v1/referral.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A referral was submitted: scheduling asks for a slot hold at the receiving institution. */
export const ReferralSubmittedEvent = defineEvent<ReferralSubmitted>({
  type: 'medgrid.referral.v1.ReferralSubmitted',
  schemaVersion: 1,
  topic: TOPICS.referral,
  codec: ReferralSubmitted,
});
