import { type FieldViolation } from '@medgrid/errors';
import { type Fen, isPositiveQuantity } from '../../common/fen';
import { type Drug, purchasePriceFen, sameGenericAndForm } from '../../catalogue/domain/drug';
import { PurchasingError, PurchasingErrorCode } from './purchasing-error';
import { type Requisition } from './requisition';

/** A requisition line a purchase order line buys for: distribution gives back to it. */
export interface OrderSource {
  readonly requisitionId: string;
  readonly institutionId: string;
  readonly quantity: number;
  readonly raisedAt: Date;
}

/** Packs of a drug received against an ordered line: the ordered drug, or a substitute of its generic and form. */
export interface Receipt {
  readonly deliveryId: string;
  readonly drugCode: string;
  readonly quantity: number;
  readonly unitPriceFen: Fen;
  readonly listPriceFen: Fen;
}

export interface PurchaseOrderLine {
  readonly drugCode: string;
  readonly quantity: number;
  /** What the supplier is paid a pack: the winning bid of a volume-based drug, the group's price otherwise. */
  readonly unitPriceFen: Fen;
  readonly listPriceFen: Fen;
  readonly sources: readonly OrderSource[];
  readonly receipts: readonly Receipt[];
}

export interface PurchaseOrderSnapshot {
  readonly id: string;
  readonly supplier: string;
  readonly lines: readonly PurchaseOrderLine[];
  readonly status: 'open' | 'closed';
  readonly placedAt: Date;
  readonly closedAt: Date | null;
}

/** A line of a delivery note: packs of a drug, and the ordered drug it stands in for when it is a substitute. */
export interface DeliveryLine {
  readonly drugCode: string;
  readonly quantity: number;
  readonly substituteFor?: string;
}

/** A delivery as received at the purchasing centre: each line with what it is paid and its listed price. */
export interface Delivery {
  readonly deliveryId: string;
  readonly purchaseOrderId: string;
  readonly supplier: string;
  readonly lines: readonly (Receipt & { readonly orderedCode: string })[];
  readonly receivedAt: Date;
}

/** An ordered line that closed short: what the supplier did not deliver (缺货). */
export interface Shortage {
  readonly purchaseOrderId: string;
  readonly supplier: string;
  readonly drugCode: string;
  readonly ordered: number;
  readonly delivered: number;
}

/** What purchasing reads of the catalogue: the drug in force. */
export interface PurchasingCatalogue {
  drugAt(code: string, at: Date): Drug | undefined;
}

/**
 * A purchase order of the group's purchasing centre to one supplier (统一采购): a line per drug, the packs of every
 * requisition it buys for, at the price in force when it was placed. Deliveries are received against it at the
 * centre: a delivery line is a drug on the order, or a substitute of the same generic and form standing in for one,
 * and no line is delivered beyond what was ordered; a delivery with a bad line is refused whole. Closing it records
 * the shortages.
 */
export class PurchaseOrder {
  private constructor(private state: PurchaseOrderSnapshot) {}

  static restore(snapshot: PurchaseOrderSnapshot): PurchaseOrder {
    return new PurchaseOrder(snapshot);
  }

  get id(): string {
    return this.state.id;
  }

  get supplier(): string {
    return this.state.supplier;
  }

  get lines(): readonly PurchaseOrderLine[] {
    return this.state.lines;
  }

  /** Packs received so far against the ordered line of `drugCode`. */
  delivered(drugCode: string): number {
    const line = this.state.lines.find((l) => l.drugCode === drugCode);
    return line ? line.receipts.reduce((sum, receipt) => sum + receipt.quantity, 0) : 0;
  }

  /** Receives a delivery at the centre: every line checked, every bad one named, all or nothing. */
  receive(
    delivery: { readonly deliveryId: string; readonly lines: readonly DeliveryLine[] },
    catalogue: PurchasingCatalogue,
    at: Date,
  ): Delivery {
    if (this.state.status === 'closed') {
      throw new PurchasingError(
        PurchasingErrorCode.OrderClosed,
        `purchase order ${this.state.id} is closed`,
        'purchaseOrderId',
      );
    }
    if (this.state.lines.some((line) => line.receipts.some((r) => r.deliveryId === delivery.deliveryId))) {
      throw new PurchasingError(
        PurchasingErrorCode.DuplicateDelivery,
        `delivery ${delivery.deliveryId} was already received`,
        'deliveryId',
      );
    }
    const violations: FieldViolation[] = [];
    const add = (field: string, reason: PurchasingErrorCode, description: string) =>
      violations.push({ field, reason, description });
    const receiving = new Map<string, number>();
    const received: Delivery['lines'][number][] = [];
    if (delivery.lines.length === 0) add('lines', PurchasingErrorCode.InvalidDelivery, 'at least one line');

    delivery.lines.forEach((line, index) => {
      const path = `lines[${index}]`;
      const orderedCode = line.substituteFor ?? line.drugCode;
      const ordered = this.state.lines.find((l) => l.drugCode === orderedCode);
      if (!ordered) {
        add(
          line.substituteFor ? `${path}.substituteFor` : `${path}.drugCode`,
          PurchasingErrorCode.NotOnOrder,
          `drug ${orderedCode} is not on purchase order ${this.state.id}`,
        );
        return;
      }
      if (!isPositiveQuantity(line.quantity)) {
        add(`${path}.quantity`, PurchasingErrorCode.InvalidQuantity, 'a whole number of packs, at least 1');
        return;
      }
      const drug = catalogue.drugAt(line.drugCode, at);
      if (line.substituteFor) {
        const orderedDrug = catalogue.drugAt(orderedCode, this.state.placedAt);
        if (
          !drug ||
          !orderedDrug ||
          !sameGenericAndForm(drug, orderedDrug) ||
          line.drugCode === orderedCode
        ) {
          add(
            `${path}.drugCode`,
            PurchasingErrorCode.SubstituteNotEquivalent,
            `a substitute for ${orderedCode} is another drug of the same generic and form in the catalogue`,
          );
          return;
        }
      }
      const already = this.delivered(orderedCode) + (receiving.get(orderedCode) ?? 0);
      if (already + line.quantity > ordered.quantity) {
        add(
          `${path}.quantity`,
          PurchasingErrorCode.DeliveryExceedsOrder,
          `${line.quantity} packs would make ${already + line.quantity} of ${ordered.quantity} ordered`,
        );
        return;
      }
      receiving.set(orderedCode, (receiving.get(orderedCode) ?? 0) + line.quantity);
      // A substitute is paid, and its saving counted, as the ordered drug: the supplier bid for that line and
      // answers for what it could not deliver.
      received.push({
        deliveryId: delivery.deliveryId,
        drugCode: line.drugCode,
        orderedCode,
        quantity: line.quantity,
        unitPriceFen: ordered.unitPriceFen,
        listPriceFen: ordered.listPriceFen,
      });
    });
    if (violations.length) throw PurchasingError.invalid(PurchasingErrorCode.InvalidDelivery, violations);

    this.state = {
      ...this.state,
      lines: this.state.lines.map((line) => ({
        ...line,
        receipts: [
          ...line.receipts,
          ...received
            .filter((r) => r.orderedCode === line.drugCode)
            .map(({ deliveryId, drugCode, quantity, unitPriceFen, listPriceFen }) => ({
              deliveryId,
              drugCode,
              quantity,
              unitPriceFen,
              listPriceFen,
            })),
        ],
      })),
    };
    return {
      deliveryId: delivery.deliveryId,
      purchaseOrderId: this.state.id,
      supplier: this.state.supplier,
      lines: received,
      receivedAt: at,
    };
  }

  /** Closes the order: nothing more is received, and each line delivered short is a shortage. */
  close(at: Date): Shortage[] {
    if (this.state.status === 'closed') {
      throw new PurchasingError(
        PurchasingErrorCode.OrderClosed,
        `purchase order ${this.state.id} is closed`,
        'purchaseOrderId',
      );
    }
    this.state = { ...this.state, status: 'closed', closedAt: at };
    return this.state.lines
      .map((line) => ({ line, delivered: this.delivered(line.drugCode) }))
      .filter(({ line, delivered }) => delivered < line.quantity)
      .map(({ line, delivered }) => ({
        purchaseOrderId: this.state.id,
        supplier: this.state.supplier,
        drugCode: line.drugCode,
        ordered: line.quantity,
        delivered,
      }));
  }

  snapshot(): PurchaseOrderSnapshot {
    return this.state;
  }

  /** A new open order (aggregateRequisitions makes them). */
  static place(id: string, supplier: string, lines: readonly PurchaseOrderLine[], at: Date): PurchaseOrder {
    return new PurchaseOrder({ id, supplier, lines, status: 'open', placedAt: at, closedAt: null });
  }
}

export interface Aggregation {
  readonly orders: readonly PurchaseOrder[];
  /** Requisition lines whose drug left the catalogue since: not ordered, for the centre to tell the institution. */
  readonly unorderable: readonly { readonly requisitionId: string; readonly drugCode: string }[];
}

/**
 * The purchasing centre's aggregation (统一采购): the open requisitions of the group become one purchase order per
 * supplier, one line per drug with the packs summed and every requisition it buys for, priced as the catalogue
 * stands at the instant; each requisition is marked ordered with the orders its lines went into. Orders come by
 * supplier, lines by drug code, sources by when they were raised, so the same requisitions give the same orders.
 */
export function aggregateRequisitions(
  requisitions: readonly Requisition[],
  catalogue: PurchasingCatalogue,
  at: Date,
  newId: () => string,
): Aggregation {
  const open = requisitions
    .filter((r) => r.status === 'open')
    .sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || a.id.localeCompare(b.id));
  const bySupplier = new Map<string, Map<string, { drug: Drug; sources: OrderSource[] }>>();
  const unorderable: { requisitionId: string; drugCode: string }[] = [];
  for (const requisition of open) {
    for (const line of requisition.lines) {
      const drug = catalogue.drugAt(line.drugCode, at);
      if (!drug) {
        unorderable.push({ requisitionId: requisition.id, drugCode: line.drugCode });
        continue;
      }
      const lines =
        bySupplier.get(drug.supplier) ?? new Map<string, { drug: Drug; sources: OrderSource[] }>();
      const entry = lines.get(drug.code) ?? { drug, sources: [] };
      entry.sources.push({
        requisitionId: requisition.id,
        institutionId: requisition.institutionId,
        quantity: line.quantity,
        raisedAt: requisition.raisedAt,
      });
      lines.set(drug.code, entry);
      bySupplier.set(drug.supplier, lines);
    }
  }
  const orders = [...bySupplier.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([supplier, lines]) =>
      PurchaseOrder.place(
        newId(),
        supplier,
        [...lines.values()]
          .sort((a, b) => a.drug.code.localeCompare(b.drug.code))
          .map(({ drug, sources }) => ({
            drugCode: drug.code,
            quantity: sources.reduce((sum, source) => sum + source.quantity, 0),
            unitPriceFen: purchasePriceFen(drug),
            listPriceFen: drug.listPriceFen,
            sources,
            receipts: [],
          })),
        at,
      ),
    );
  for (const requisition of open) {
    const ids = orders
      .filter((order) =>
        order.lines.some((line) => line.sources.some((s) => s.requisitionId === requisition.id)),
      )
      .map((order) => order.id);
    requisition.markOrdered(ids);
  }
  return { orders, unorderable };
}
