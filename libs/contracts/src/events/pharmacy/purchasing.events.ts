import {
  PurchaseOrderDistributed,
  PurchaseOrderPlaced,
} from '../../generated/medgrid/pharmacy/v1/purchasing_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** The group's purchasing centre placed a purchase order with a supplier. */
export const PurchaseOrderPlacedEvent = defineEvent<PurchaseOrderPlaced>({
  type: 'medgrid.pharmacy.v1.PurchaseOrderPlaced',
  schemaVersion: 1,
  topic: TOPICS.pharmacyPurchasing,
  codec: PurchaseOrderPlaced,
});

/** A purchase order's deliveries were distributed to the institutions' stock. */
export const PurchaseOrderDistributedEvent = defineEvent<PurchaseOrderDistributed>({
  type: 'medgrid.pharmacy.v1.PurchaseOrderDistributed',
  schemaVersion: 1,
  topic: TOPICS.pharmacyPurchasing,
  codec: PurchaseOrderDistributed,
});
