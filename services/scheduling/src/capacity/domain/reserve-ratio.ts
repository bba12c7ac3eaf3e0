import { type Refusal } from '@medgrid/errors';

/**
 * A share of capacity as an exact fraction: policy figures such as 1/3 have no
 * exact decimal form, and a reserved count must never be short by a rounding.
 */
export interface ReserveRatio {
  readonly numerator: number;
  readonly denominator: number;
}

export const ratio = (numerator: number, denominator: number): ReserveRatio => ({ numerator, denominator });

/**
 * The largest denominator a ratio may have: a millionth is finer than any policy share, the terms fit the
 * database's integer columns (a request's uint32 4294967295/4294967295 did not, and failed as INTERNAL), and
 * cross-multiplied (atLeast) they stay exact in a double.
 */
export const MAX_RATIO_DENOMINATOR = 1_000_000;

/** The problem of a ratio as a request's field, none when it is valid. */
export function ratioProblems(value: ReserveRatio): Refusal[] {
  return isValidRatio(value)
    ? []
    : [
        {
          reason: 'INVALID_RATIO',
          description: `must be n/d with 0 ≤ n ≤ d, 0 < d ≤ ${MAX_RATIO_DENOMINATOR}`,
        },
      ];
}

export function isValidRatio(value: ReserveRatio): boolean {
  return (
    Number.isInteger(value.numerator) &&
    Number.isInteger(value.denominator) &&
    value.denominator > 0 &&
    value.denominator <= MAX_RATIO_DENOMINATOR &&
    value.numerator >= 0 &&
    value.numerator <= value.denominator
  );
}

/** a ≥ b, compared exactly by cross-multiplication. */
export function atLeast(a: ReserveRatio, b: ReserveRatio): boolean {
  return a.numerator * b.denominator >= b.numerator * a.denominator;
}

/** Units to reserve out of `total`: rounded up, so the real share never falls below the ratio. */
export function reservedShare(total: number, share: ReserveRatio): number {
  return Math.ceil((total * share.numerator) / share.denominator);
}

/** The ratio in basis points, rounded up (a target is never reported easier than it is). */
export function toBasisPoints(share: ReserveRatio): number {
  return Math.ceil((share.numerator * 10_000) / share.denominator);
}

/** part/whole in basis points, rounded down (an achievement is never reported better than it is). */
export function basisPointsOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 10_000) / whole);
}

/** Parses "1/3" (configuration); null when malformed. */
export function parseRatio(text: string): ReserveRatio | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return null;
  const value = ratio(Number(match[1]), Number(match[2]));
  return isValidRatio(value) ? value : null;
}

export const formatRatio = (value: ReserveRatio): string => `${value.numerator}/${value.denominator}`;
