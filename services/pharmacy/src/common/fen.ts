/**
 * Money is integer fen (分) everywhere in the platform (docs/architecture.md, data conventions): ¥12.50 is 1250.
 * A price or an amount is a safe non-negative integer; arithmetic on fen stays in integers.
 */
export type Fen = number;

export function isFen(value: number): value is Fen {
  return Number.isSafeInteger(value) && value >= 0;
}

/** A count of packs or units: a positive whole number. */
export function isPositiveQuantity(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

/** A part of a whole in basis points, rounded down (an achieved share is never overstated); null of nothing. */
export function shareBp(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 10_000) / whole) : null;
}
