import {
  OrderCancelled,
  OrderPerformed,
  OrderPlaced,
  OrderReported,
} from '../../generated/medgrid/lab_sharing/v1/order_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A primary site placed an order at a shared centre. */
export const OrderPlacedEvent = defineEvent<OrderPlaced>({
  type: 'medgrid.lab_sharing.v1.OrderPlaced',
  schemaVersion: 1,
  topic: TOPICS.labSharingOrder,
  codec: OrderPlaced,
});

/** An order's exam data reached the centre: its report is on the centre's worklist. */
export const OrderPerformedEvent = defineEvent<OrderPerformed>({
  type: 'medgrid.lab_sharing.v1.OrderPerformed',
  schemaVersion: 1,
  topic: TOPICS.labSharingOrder,
  codec: OrderPerformed,
});

/** The centre signed an order's report. */
export const OrderReportedEvent = defineEvent<OrderReported>({
  type: 'medgrid.lab_sharing.v1.OrderReported',
  schemaVersion: 1,
  topic: TOPICS.labSharingOrder,
  codec: OrderReported,
});

/** The ordering site cancelled an order. */
export const OrderCancelledEvent = defineEvent<OrderCancelled>({
  type: 'medgrid.lab_sharing.v1.OrderCancelled',
  schemaVersion: 1,
  topic: TOPICS.labSharingOrder,
  codec: OrderCancelled,
});
