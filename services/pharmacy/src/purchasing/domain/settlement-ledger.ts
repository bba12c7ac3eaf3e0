import { type Fen, isFen } from '../../common/fen';
import { type Delivery } from './purchase-order';
import { PurchasingError, PurchasingErrorCode } from './purchasing-error';

/**
 * One entry of the ledger: a delivery line owed to its supplier (positive) or a payment made to it (negative), in
 * fen. Entries are only ever appended; a mistake is corrected by a new entry, never by changing an old one.
 */
export interface LedgerEntry {
  /** 1, 2, 3, ... in the order appended. */
  readonly sequence: number;
  readonly supplier: string;
  readonly kind: 'delivered' | 'paid';
  /** delivered: the delivery; paid: the payment's reference. */
  readonly reference: string;
  readonly drugCode: string | null;
  readonly quantity: number | null;
  readonly unitPriceFen: Fen | null;
  /** Signed: what the entry adds to the supplier's balance. */
  readonly amountFen: number;
  readonly at: Date;
}

/**
 * Central settlement with suppliers (统一结算): every delivery received at the centre is owed, line by line, as
 * delivered packs × the price of the order (the winning bid of a volume-based drug), and payments reduce what is
 * owed. Append-only: a delivery is entered once, a payment is whole fen and never more than is owed, and a supplier's
 * balance is the sum of its entries, so the same deliveries and payments give the same ledger to the fen.
 */
export class SettlementLedger {
  private readonly entries: LedgerEntry[];

  private constructor(entries: readonly LedgerEntry[]) {
    this.entries = [...entries];
  }

  static empty(): SettlementLedger {
    return new SettlementLedger([]);
  }

  static restore(entries: readonly LedgerEntry[]): SettlementLedger {
    return new SettlementLedger(entries);
  }

  /** Appends what a delivery is owed; a delivery already entered is refused. */
  recordDelivery(delivery: Delivery): LedgerEntry[] {
    if (this.entries.some((entry) => entry.kind === 'delivered' && entry.reference === delivery.deliveryId)) {
      throw new PurchasingError(
        PurchasingErrorCode.DuplicateDelivery,
        `delivery ${delivery.deliveryId} is already on the ledger`,
        'deliveryId',
      );
    }
    return delivery.lines.map((line) =>
      this.append({
        supplier: delivery.supplier,
        kind: 'delivered',
        reference: delivery.deliveryId,
        drugCode: line.drugCode,
        quantity: line.quantity,
        unitPriceFen: line.unitPriceFen,
        amountFen: line.quantity * line.unitPriceFen,
        at: delivery.receivedAt,
      }),
    );
  }

  /** Appends a payment to a supplier: whole fen, at least 1, at most what it is owed. */
  recordPayment(supplier: string, amountFen: Fen, reference: string, at: Date): LedgerEntry {
    if (!isFen(amountFen) || amountFen === 0) {
      throw new PurchasingError(
        PurchasingErrorCode.InvalidPayment,
        'a whole number of fen, at least 1',
        'amountFen',
      );
    }
    const owed = this.balanceOf(supplier);
    if (amountFen > owed) {
      throw new PurchasingError(
        PurchasingErrorCode.Overpayment,
        `${amountFen} fen is more than the ${owed} fen owed to ${supplier}`,
        'amountFen',
      );
    }
    return this.append({
      supplier,
      kind: 'paid',
      reference,
      drugCode: null,
      quantity: null,
      unitPriceFen: null,
      amountFen: -amountFen,
      at,
    });
  }

  /** What the group owes the supplier now, in fen. */
  balanceOf(supplier: string): Fen {
    return this.entries.filter((e) => e.supplier === supplier).reduce((sum, e) => sum + e.amountFen, 0);
  }

  /** Every entry, oldest first; a copy, so no caller can change the ledger. */
  history(): readonly LedgerEntry[] {
    return [...this.entries];
  }

  private append(entry: Omit<LedgerEntry, 'sequence'>): LedgerEntry {
    const appended = Object.freeze({ ...entry, sequence: this.entries.length + 1 });
    this.entries.push(appended);
    return appended;
  }
}
