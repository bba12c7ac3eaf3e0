import { type FieldViolation } from '@medgrid/errors';
import { type Fen, fenViolation } from '../../common/domain/money';
import { divideRounded } from '../../common/domain/rounding';
import { ClaimErrorCode } from './claim-error';

/** What a line bills: the consultation fee (诊查费, the fee 一免 waives), a medical service item or a drug. */
export const LINE_KINDS = ['consultation', 'item', 'drug'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/**
 * One line of a claim: an item or drug code of the fund's catalogue, a quantity (up to three decimals: half a box,
 * 1.5 bed-days), the unit price and the amount, in fen. The amount is the institution's own figure and must be
 * quantity × unit price rounded half-up to the fen, as a bill rounds; a line that does not add up is refused,
 * never corrected silently.
 */
export interface ClaimLine {
  readonly code: string;
  readonly kind: LineKind;
  readonly quantity: number;
  readonly unitPrice: Fen;
  readonly amount: Fen;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9.\-_]{0,39}$/;
const QUANTITY_SCALE = 1000;

/** quantity × unit price rounded half-up to the fen, or null when the quantity has more than three decimals. */
export function expectedAmount(quantity: number, unitPrice: Fen): number | null {
  const milli = Math.round(quantity * QUANTITY_SCALE);
  if (Math.abs(milli / QUANTITY_SCALE - quantity) > 1e-9) return null;
  return Number(divideRounded(BigInt(milli) * BigInt(unitPrice), BigInt(QUANTITY_SCALE), 'half-up'));
}

export function claimLineViolations(line: ClaimLine, field: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!CODE.test(line.code)) {
    violations.push({
      field: `${field}.code`,
      reason: ClaimErrorCode.InvalidClaim,
      description: 'an item or drug code is 1-40 letters, digits, dots, dashes or underscores',
    });
  }
  if (!(LINE_KINDS as readonly string[]).includes(line.kind)) {
    violations.push({
      field: `${field}.kind`,
      reason: ClaimErrorCode.InvalidClaim,
      description: `"${String(line.kind)}" is not one of ${LINE_KINDS.join(', ')}`,
    });
  }
  const quantityOk = Number.isFinite(line.quantity) && line.quantity > 0;
  if (!quantityOk) {
    violations.push({
      field: `${field}.quantity`,
      reason: ClaimErrorCode.NegativeQuantity,
      description: `${line.quantity} is not a quantity above zero (a refund is a correction of the claim)`,
    });
  }
  const price = fenViolation(line.unitPrice, `${field}.unitPrice`);
  if (price) violations.push(price);
  const amount = fenViolation(line.amount, `${field}.amount`);
  if (amount) violations.push(amount);
  if (quantityOk && !price && !amount) {
    const expected = expectedAmount(line.quantity, line.unitPrice);
    if (expected === null) {
      violations.push({
        field: `${field}.quantity`,
        reason: ClaimErrorCode.InvalidClaim,
        description: `${line.quantity} has more than three decimals`,
      });
    } else if (expected !== line.amount) {
      violations.push({
        field: `${field}.amount`,
        reason: ClaimErrorCode.AmountMismatch,
        description: `${line.amount} fen is not quantity ${line.quantity} × unit price ${line.unitPrice} fen = ${expected} fen`,
      });
    }
  }
  return violations;
}
