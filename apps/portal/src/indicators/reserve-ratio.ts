import { type Ratio } from '../api/portal-types';

export type TargetStatus = 'met' | 'below' | 'no-data';

/** A ratio in basis points (1/10000), rounded down as scheduling rounds an actual share. */
export function basisPoints(ratio: Ratio | undefined): number | null {
  const numerator = ratio?.numerator ?? 0;
  const denominator = ratio?.denominator ?? 0;
  if (denominator <= 0) return null;
  return Math.floor((numerator * 10_000) / denominator);
}

/** Exact comparison of two fractions (no floating point): is `ratio` below `floor`? */
export function isBelowFloor(ratio: Ratio, floor: Ratio | undefined): boolean {
  if (!floor?.denominator || !ratio.denominator) return false;
  return (ratio.numerator ?? 0) * floor.denominator < (floor.numerator ?? 0) * ratio.denominator;
}

/** "1/3 (33.33%)". */
export function formatRatio(ratio: Ratio | undefined): string {
  if (!ratio?.denominator) return '—';
  return `${ratio.numerator ?? 0}/${ratio.denominator} (${formatBasisPoints(basisPoints(ratio))})`;
}

/** "33.33%" from basis points. */
export function formatBasisPoints(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${(bp / 100).toFixed(2)}%`;
}

/** Sums of several hospitals' figures: a city's or group's share is its totals' share, not an average of shares. */
export function pooledShare(parts: readonly { part: number; whole: number; targetBp: number }[]): {
  part: number;
  whole: number;
  actualBp: number | null;
  targetBp: number | null;
} {
  const part = parts.reduce((sum, p) => sum + p.part, 0);
  const whole = parts.reduce((sum, p) => sum + p.whole, 0);
  // The pooled target weighs each hospital's target by what it offers; with nothing offered, the highest.
  const weighted = parts.reduce((sum, p) => sum + p.targetBp * p.whole, 0);
  const targetBp =
    parts.length === 0
      ? null
      : whole > 0
        ? Math.ceil(weighted / whole)
        : Math.max(...parts.map((p) => p.targetBp));
  return { part, whole, actualBp: whole > 0 ? Math.floor((part * 10_000) / whole) : null, targetBp };
}
