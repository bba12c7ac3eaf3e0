import { type OrderSnapshot, type OrderStatus } from './order';

/** The last order of a page, newest first. */
export interface OrderCursor {
  readonly placedAt: Date;
  readonly id: string;
}

/** Whose orders a list reads: an ordering institution's or a centre's. */
export type OrderOwner = { readonly orderingInstitutionId: string } | { readonly centreId: string };

/** Persistence port of the order aggregate (all SQL lives in the adapter). */
export abstract class OrderRepository {
  abstract insert(order: OrderSnapshot): Promise<void>;
  /** The order, locked for the current transaction when `lock`; null when there is none of that id. */
  abstract find(id: string, lock: boolean): Promise<OrderSnapshot | null>;
  /** Stores a changed order if it is still at `readVersion`, the version read (else VERSION_CONFLICT). */
  abstract update(order: OrderSnapshot, readVersion: number): Promise<void>;
  /** A page of an institution's or a centre's orders, newest first, after the cursor. */
  abstract list(q: {
    owner: OrderOwner;
    status: OrderStatus | undefined;
    after: OrderCursor | null;
    limit: number;
  }): Promise<OrderSnapshot[]>;
}
