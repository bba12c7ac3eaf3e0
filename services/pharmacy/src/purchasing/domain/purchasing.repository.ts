import { type DistributionPlan } from './distribution';
import { type Delivery, type PurchaseOrder, type Shortage } from './purchase-order';
import { type Requisition, type RequisitionStatus } from './requisition';
import { type Fen } from '../../common/fen';
import { type LedgerEntry, type SettlementLedger } from './settlement-ledger';

/** A purchase order's distribution as recorded: what each requisition was given and what fell short. */
export interface DistributionRecord extends DistributionPlan {
  readonly purchaseOrderId: string;
  readonly supplier: string;
  readonly shortages: readonly Shortage[];
  readonly distributedAt: Date;
}

/** Where a page of requisitions starts: after the row raised at this instant with this id. */
export interface RequisitionCursor {
  readonly raisedAt: Date;
  readonly id: string;
}

/** The institutions' requisitions (all SQL lives in the adapter). */
export abstract class RequisitionRepository {
  abstract get(id: string): Promise<{ groupId: string; requisition: Requisition } | null>;
  /**
   * Newest raised first (ties by id, descending), at most `page.limit`, after `page.after`: the institution's, or
   * (institutionId null) the whole group's.
   */
  abstract list(
    groupId: string,
    institutionId: string | null,
    status: RequisitionStatus | null,
    page: { readonly limit: number; readonly after: RequisitionCursor | null },
  ): Promise<Requisition[]>;
  /** The group's open requisitions, oldest first. */
  abstract open(groupId: string): Promise<Requisition[]>;
  abstract add(groupId: string, requisition: Requisition): Promise<void>;
  /** Stores a requisition's status and purchase orders after a change. */
  abstract update(requisition: Requisition): Promise<void>;
}

/**
 * The purchasing centre's books (all SQL lives in the adapter): purchase orders, deliveries received, distributions
 * and the settlement ledger. `lockGroup` makes the centre's writes of one group wait their turn, inside the current
 * transaction, so two placements, two receipts or two distributions never interleave.
 */
export abstract class PurchaseOrderRepository {
  abstract lockGroup(groupId: string): Promise<void>;
  abstract get(id: string): Promise<{ groupId: string; order: PurchaseOrder } | null>;
  /** The orders one placement made, by supplier. */
  abstract placedBy(placementId: string): Promise<PurchaseOrder[]>;
  abstract add(groupId: string, placementId: string, orders: readonly PurchaseOrder[]): Promise<void>;
  /** Stores an order's receipts and status after a change. */
  abstract update(order: PurchaseOrder): Promise<void>;
  abstract addDelivery(groupId: string, delivery: Delivery): Promise<void>;
  /** Deliveries of the group received in [from, to). */
  abstract deliveries(groupId: string, from: Date, to: Date): Promise<Delivery[]>;
  abstract addDistribution(groupId: string, distribution: DistributionRecord): Promise<void>;
  abstract distribution(purchaseOrderId: string): Promise<DistributionRecord | null>;
}

/**
 * Each group's append-only settlement ledger with its suppliers, and each supplier's balance, the sum of its entries,
 * kept as entries are appended.
 */
export abstract class SettlementLedgerRepository {
  /**
   * The ledger where it stands for a change touching these suppliers and deliveries: its last sequence, their
   * balances and which of the deliveries are entered; read without the ledger's entries, at the same cost however
   * long it is. Writes of one group queue on its purchasing lock, so the sequence has no gap.
   */
  abstract load(
    groupId: string,
    touching: { readonly suppliers: readonly string[]; readonly deliveryIds?: readonly string[] },
  ): Promise<SettlementLedger>;
  /** Appends entries, each added to its supplier's balance in the same transaction; rows are never updated or deleted. */
  abstract append(groupId: string, entries: readonly LedgerEntry[]): Promise<void>;
  /** A supplier's entries, oldest first. */
  abstract entries(groupId: string, supplier: string): Promise<LedgerEntry[]>;
  /** The group's entry of that sequence, if there is one. */
  abstract entry(groupId: string, sequence: number): Promise<LedgerEntry | null>;
  /** What the group owes the supplier now, in fen. */
  abstract balance(groupId: string, supplier: string): Promise<Fen>;
}
