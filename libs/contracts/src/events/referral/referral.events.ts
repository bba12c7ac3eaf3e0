import {
  GreenChannelActivated,
  ReferralAccepted,
  ReferralCancelled,
  ReferralChanged,
  ReferralExpired,
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

/** A referral expired (the patient never came): scheduling releases whatever it holds for it. */
export const ReferralExpiredEvent = defineEvent<ReferralExpired>({
  type: 'medgrid.referral.v1.ReferralExpired',
  schemaVersion: 1,
  topic: TOPICS.referral,
  codec: ReferralExpired,
});

/** Any other change of a referral (declined, scheduled, arrived, completed, downward steps, notes). */
export const ReferralChangedEvent = defineEvent<ReferralChanged>({
  type: 'medgrid.referral.v1.ReferralChanged',
  schemaVersion: 1,
  topic: TOPICS.referral,
  codec: ReferralChanged,
});

/** A green-channel referral was accepted: the chest-pain or stroke centre prepares. */
export const GreenChannelActivatedEvent = defineEvent<GreenChannelActivated>({
  type: 'medgrid.referral.v1.GreenChannelActivated',
  schemaVersion: 1,
  topic: TOPICS.referral,
  codec: GreenChannelActivated,
});
