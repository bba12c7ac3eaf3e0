import { isPositiveQuantity } from '../../common/fen';
import { FormularyError, FormularyErrorCode } from './formulary-error';

export type StockMovementKind = 'received' | 'issued';

/** One change of a balance, kept as the stock's history: what moved, and what was left. */
export interface StockMovement {
  readonly institutionId: string;
  readonly drugCode: string;
  readonly kind: StockMovementKind;
  /** Packs, positive. */
  readonly quantity: number;
  readonly onHandAfter: number;
  /** What it was for: a dispensing, a distribution from the purchasing centre, a delivery. */
  readonly reason: string;
  readonly at: Date;
}

/**
 * The stock on hand of one drug at one institution, in packs. Receiving and issuing are whole positive quantities,
 * and an issue larger than what is on hand is refused whole: stock never goes negative. Each operation answers the
 * balance after it and its movement; the store applies both in one statement guarded by the same rule, so two
 * issues racing for the last packs cannot both succeed.
 */
export class StockBalance {
  private constructor(
    readonly institutionId: string,
    readonly drugCode: string,
    readonly onHand: number,
  ) {}

  static empty(institutionId: string, drugCode: string): StockBalance {
    return new StockBalance(institutionId, drugCode, 0);
  }

  static restore(institutionId: string, drugCode: string, onHand: number): StockBalance {
    return new StockBalance(institutionId, drugCode, onHand);
  }

  receive(quantity: number, reason: string, at: Date, field = 'quantity'): [StockBalance, StockMovement] {
    this.checkQuantity(quantity, field);
    return this.move('received', quantity, this.onHand + quantity, reason, at);
  }

  issue(quantity: number, reason: string, at: Date, field = 'quantity'): [StockBalance, StockMovement] {
    this.checkQuantity(quantity, field);
    if (quantity > this.onHand) {
      throw new FormularyError(
        FormularyErrorCode.InsufficientStock,
        `${quantity} packs of ${this.drugCode} asked, ${this.onHand} on hand`,
        field,
      );
    }
    return this.move('issued', quantity, this.onHand - quantity, reason, at);
  }

  private move(
    kind: StockMovementKind,
    quantity: number,
    onHandAfter: number,
    reason: string,
    at: Date,
  ): [StockBalance, StockMovement] {
    const movement = {
      institutionId: this.institutionId,
      drugCode: this.drugCode,
      kind,
      quantity,
      onHandAfter,
      reason,
      at,
    };
    return [new StockBalance(this.institutionId, this.drugCode, onHandAfter), movement];
  }

  private checkQuantity(quantity: number, field: string): void {
    if (!isPositiveQuantity(quantity)) {
      throw new FormularyError(
        FormularyErrorCode.InvalidQuantity,
        'a whole number of packs, at least 1',
        field,
      );
    }
  }
}
