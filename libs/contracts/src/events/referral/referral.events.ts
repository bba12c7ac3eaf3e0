import {
  ReferralAccepted,
  ReferralCancelled,
  ReferralSubmitted,
} from '../../generated/medgrid/referral/v1/referral.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A referral was submitted: scheduling records what the hold will need. */
export const ReferralSubmittedEvent = defineEvent<ReferralSubmitted>({
  type: 'medgrid.referral.v1.ReferralSubmitted',
  schemaVersion: 1,
  topic: TOPICS.referral,
  codec: ReferralSubmitted,
});

/** A referral was accepted: scheduling holds a slot (the saga's next step). */
export const ReferralAcceptedEvent = defineEvent<ReferralAccepted>({
  type: 'medgrid.referral.v1.ReferralAccepted',
  schemaVersion: 1,
  topic: TOPICS.referral,
  codec: ReferralAccepted,
});

/** A referral was cancelled: scheduling releases whatever it holds for it. */
export const ReferralCancelledEvent = defineEvent<ReferralCancelled>({
  type: 'medgrid.referral.v1.ReferralCancelled',
  schemaVersion: 1,
  topic: TOPICS.referral,
  codec: ReferralCancelled,
});
