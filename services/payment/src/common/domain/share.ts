import { type FieldViolation } from '@medgrid/errors';
import { CommonError, CommonErrorCode } from './common-error';
import { type Fen, fen } from './money';
import { divideRounded, type Rounding } from './rounding';

declare const bpBrand: unique symbol;

/** A share in basis points (1/100 of a percent): 0 to 10000, where 10000 is the whole (100%). */
export type BasisPoints = number & { readonly [bpBrand]: true };

export const WHOLE_BP = 10_000 as BasisPoints;

export function basisPointsViolation(value: number, field: string): FieldViolation | null {
  if (!Number.isInteger(value) || value < 0 || value > 10_000) {
    return {
      field,
      reason: CommonErrorCode.ShareOutOfRange,
      description: `${value} basis points is not a share from 0 to 100% (0-10000 basis points)`,
    };
  }
  return null;
}

/** The share, or SHARE_OUT_OF_RANGE naming `field` (outside 0-100%, or not a whole basis point). */
export function basisPoints(value: number, field = 'share'): BasisPoints {
  const violation = basisPointsViolation(value, field);
  if (violation) throw new CommonError(CommonErrorCode.ShareOutOfRange, violation.description, field);
  return value as BasisPoints;
}

/** `bp` of `amount`, rounded to the fen as `mode` says. */
export function shareOf(amount: Fen, bp: BasisPoints, mode: Rounding): Fen {
  return fen(Number(divideRounded(BigInt(amount) * BigInt(bp), 10_000n, mode)), 'share', true);
}

/**
 * Splits `total` among parties in proportion to `weights` (largest remainder, Hamilton's method): each party gets
 * its exact share rounded down, then the fen left over go one each to the parties with the largest remainders, the
 * earlier party first on a tie. The parts always sum to `total` exactly, and no part is off its exact share by a
 * whole fen. A negative total is split as its magnitude and every part negated.
 */
export function allocate(total: Fen, weights: readonly bigint[]): Fen[] {
  const weightSum = weights.reduce((sum, w) => sum + w, 0n);
  if (weights.some((w) => w < 0n) || weightSum === 0n) {
    throw new CommonError(
      CommonErrorCode.NothingToAllocate,
      'an amount is split by weights that are none negative and not all zero',
      'weights',
    );
  }
  const sign = total < 0 ? -1n : 1n;
  const magnitude = BigInt(total) * sign;
  const parts = weights.map((w) => {
    const exact = magnitude * w;
    return { floor: exact / weightSum, remainder: exact % weightSum };
  });
  let left = magnitude - parts.reduce((sum, p) => sum + p.floor, 0n);
  const order = parts
    .map((part, index) => ({ index, remainder: part.remainder }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const extra = new Array<bigint>(parts.length).fill(0n);
  for (const { index } of order) {
    if (left === 0n) break;
    extra[index] = 1n;
    left -= 1n;
  }
  return parts.map((part, index) => fen(Number((part.floor + extra[index]!) * sign), 'part', true));
}

/** Splits `total` by shares in basis points that sum to the whole (10000), as `allocate` does. */
export function allocateByShares(total: Fen, shares: readonly BasisPoints[]): Fen[] {
  const sum = shares.reduce((s, bp) => s + bp, 0);
  if (sum !== 10_000) {
    throw new CommonError(
      CommonErrorCode.SharesExceedWhole,
      `shares sum to ${sum} basis points, not the whole (10000)`,
      'shares',
    );
  }
  return allocate(
    total,
    shares.map((bp) => BigInt(bp)),
  );
}
