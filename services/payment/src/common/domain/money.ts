import { type FieldViolation } from '@medgrid/errors';
import { CommonError, CommonErrorCode } from './common-error';

declare const fenBrand: unique symbol;

/**
 * An amount of money in integer fen (分, 1/100 yuan; Tianjin's ¥7,500 is 750000). The brand makes a plain number
 * unusable where money is asked for: only `fen` (which refuses fractions) and the helpers below make one. Amounts
 * may be negative only where a rule says so (an overspend); a claim's amounts never are.
 */
export type Fen = number & { readonly [fenBrand]: true };

/** Why a number is not an amount of fen, or null when it is one. */
export function fenViolation(value: number, field: string, allowNegative = false): FieldViolation | null {
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    return {
      field,
      reason: CommonErrorCode.FractionOfAFen,
      description: `${value} is not a whole number of fen: money is integer fen (1/100 yuan)`,
    };
  }
  if (!Number.isSafeInteger(value)) {
    return {
      field,
      reason: CommonErrorCode.AmountTooLarge,
      description: `${value} fen is beyond what is counted exactly (${Number.MAX_SAFE_INTEGER})`,
    };
  }
  if (!allowNegative && value < 0) {
    return { field, reason: CommonErrorCode.NegativeAmount, description: `${value} fen is negative` };
  }
  return null;
}

/** The amount as fen, or a CommonError naming `field` (a fraction of a fen, too large, negative). */
export function fen(value: number, field = 'amount', allowNegative = false): Fen {
  const violation = fenViolation(value, field, allowNegative);
  if (violation) throw new CommonError(violation.reason as CommonErrorCode, violation.description, field);
  return value as Fen;
}

export const ZERO_FEN = 0 as Fen;

/** Yuan written as a decimal ("7500", "12.3", "0.05") to fen, exactly: a third decimal is a fraction of a fen. */
export function fenFromYuan(text: string, field = 'amount'): Fen {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) {
    throw new CommonError(
      CommonErrorCode.FractionOfAFen,
      `"${text}" is not yuan with at most two decimals (fen)`,
      field,
    );
  }
  const [, sign = '', whole = '0', decimals = ''] = match;
  return fen(Number(`${sign}${whole}${decimals.padEnd(2, '0')}`), field, sign === '-');
}

/** Fen written as yuan with two decimals, for reports and CSV (750000 → "7500.00"). */
export function yuanText(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The sum, checked to stay exact. */
export function sumFen(amounts: readonly Fen[]): Fen {
  return fen(
    amounts.reduce((total, amount) => total + amount, 0),
    'sum',
    true,
  );
}

export function addFen(a: Fen, b: Fen): Fen {
  return fen(a + b, 'sum', true);
}

export function subtractFen(a: Fen, b: Fen): Fen {
  return fen(a - b, 'difference', true);
}

export function minFen(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}

export function maxFen(a: Fen, b: Fen): Fen {
  return a > b ? a : b;
}

/** A count of units at a price in fen (a count of residents, of bed-days): integer arithmetic, checked exact. */
export function timesCount(price: Fen, count: number): Fen {
  if (!Number.isSafeInteger(count)) {
    throw new CommonError(CommonErrorCode.FractionOfAFen, `${count} is not a whole count`, 'count');
  }
  const product = BigInt(price) * BigInt(count);
  return fen(Number(product), 'product', true);
}
