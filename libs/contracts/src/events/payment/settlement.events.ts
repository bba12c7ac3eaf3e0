import { SettlementCompleted } from '../../generated/medgrid/payment/v1/settlement_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A group's month was settled; keyed by group id. */
export const SettlementCompletedEvent = defineEvent<SettlementCompleted>({
  type: 'medgrid.payment.v1.SettlementCompleted',
  schemaVersion: 1,
  topic: TOPICS.paymentSettlement,
  codec: SettlementCompleted,
});
