import { ClaimAdjudicated } from '../../generated/medgrid/payment/v1/claim_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A claim version was received or corrected and adjudicated; keyed by claim id. */
export const ClaimAdjudicatedEvent = defineEvent<ClaimAdjudicated>({
  type: 'medgrid.payment.v1.ClaimAdjudicated',
  schemaVersion: 1,
  topic: TOPICS.paymentClaim,
  codec: ClaimAdjudicated,
});
