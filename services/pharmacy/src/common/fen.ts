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
