import { type OrderChanged } from './order';

/** Port: records the orders context's events in the current transaction's outbox. */
export abstract class OrderEventPublisher {
  abstract ordersChanged(events: readonly OrderChanged[]): Promise<void>;
}
