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
 * Where a group's ledger stands for a change: its last sequence, what the suppliers the change touches are owed and
 * which of the deliveries it names are entered already. A change reads this much and no more, so appending costs the
 * same at the ten thousandth entry as at the first.
 */
export interface LedgerPosition {
  /** The sequence of the group's last entry; 0 before the first. */
  readonly lastSequence: number;
  /** What each supplier the change touches is owed now, in fen (absent: nothing yet). */
  readonly balances: ReadonlyMap<string, Fen>;
  /** Of the deliveries the change names, those already on the ledger. */
  readonly enteredDeliveries: ReadonlySet<string>;
}

/**
 * Central settlement with suppliers (统一结算): every delivery received at the centre is owed, line by line, as
 * delivered packs × the price of the order (the winning bid of a volume-based drug), and payments reduce what is
 * owed. Append-only: a delivery is entered once, a payment is whole fen and never more than is owed, and a supplier's
 * balance is the sum of its entries (the store keeps that sum as each entry is appended), so the same deliveries and
 * payments give the same ledger to the fen.
 */
export class SettlementLedger {
  private lastSequence: number;
  private readonly balances: Map<string, Fen>;
  private readonly enteredDeliveries: Set<string>;
  private readonly entries: LedgerEntry[] = [];

  private constructor(position: LedgerPosition) {
    this.lastSequence = position.lastSequence;
    this.balances = new Map(position.balances);
    this.enteredDeliveries = new Set(position.enteredDeliveries);
  }

  static empty(): SettlementLedger {
    return new SettlementLedger({ lastSequence: 0, balances: new Map(), enteredDeliveries: new Set() });
  }

  static restore(position: LedgerPosition): SettlementLedger {
    return new SettlementLedger(position);
  }

  /** The position a whole history gives: each supplier's balance the sum of its entries. */
  static positionOf(history: readonly LedgerEntry[]): LedgerPosition {
    const balances = new Map<string, Fen>();
    for (const entry of history) {
      balances.set(entry.supplier, (balances.get(entry.supplier) ?? 0) + entry.amountFen);
    }
    return {
      lastSequence: history.reduce((last, entry) => Math.max(last, entry.sequence), 0),
      balances,
      enteredDeliveries: new Set(history.filter((e) => e.kind === 'delivered').map((e) => e.reference)),
    };
  }

  /** Appends what a delivery is owed; a delivery already entered is refused. */
  recordDelivery(delivery: Delivery): LedgerEntry[] {
    if (this.enteredDeliveries.has(delivery.deliveryId)) {
      throw new PurchasingError(
        PurchasingErrorCode.DuplicateDelivery,
        `delivery ${delivery.deliveryId} is already on the ledger`,
        'deliveryId',
      );
    }
    this.enteredDeliveries.add(delivery.deliveryId);
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

  /** What the group owes the supplier now, in fen (of a supplier the position was read for). */
  balanceOf(supplier: string): Fen {
    return this.balances.get(supplier) ?? 0;
  }

  /** The entries appended since the ledger was restored, oldest first; a copy, so no caller can change them. */
  appended(): readonly LedgerEntry[] {
    return [...this.entries];
  }

  private append(entry: Omit<LedgerEntry, 'sequence'>): LedgerEntry {
    this.lastSequence += 1;
    const appended = Object.freeze({ ...entry, sequence: this.lastSequence });
    this.entries.push(appended);
    this.balances.set(entry.supplier, this.balanceOf(entry.supplier) + entry.amountFen);
    return appended;
  }
}
