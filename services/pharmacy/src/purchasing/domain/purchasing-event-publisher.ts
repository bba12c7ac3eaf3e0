import { type DistributionRecord } from './purchasing.repository';
import { type PurchaseOrder } from './purchase-order';

/** Port: records purchasing's events in the current transaction's outbox. */
export abstract class PurchasingEventPublisher {
  /** Each order a placement made (PurchaseOrderPlaced). */
  abstract ordersPlaced(groupId: string, orders: readonly PurchaseOrder[], placedBy: string): Promise<void>;
  /** A purchase order's deliveries distributed (PurchaseOrderDistributed). */
  abstract distributed(
    groupId: string,
    distribution: DistributionRecord,
    distributedBy: string,
  ): Promise<void>;
}
