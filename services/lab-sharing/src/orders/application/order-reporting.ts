import { type OrderSnapshot } from '../domain/order';

/**
 * What reporting does when an order changes, inside the transaction of the change. Orders owns this port and
 * reporting, the context above it, implements it (bound in lab-sharing.module.ts): a performed order's report
 * opens on its centre's worklist, a cancelled order's open report leaves it.
 */
export abstract class OrderReporting {
  abstract performed(order: OrderSnapshot, now: Date): Promise<void>;
  abstract cancelled(order: OrderSnapshot, now: Date): Promise<void>;
}
