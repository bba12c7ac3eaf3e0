/**
 * How a division of money is rounded to the fen. The service uses two modes and says at each use which:
 * - `half-even` (banker's rounding) for a share of one claim: over millions of claims halves round up as often as
 *   down, so the fund's total is not biased either way;
 * - `down` (toward zero) inside `allocate`, whose remainders are then handed out fen by fen so totals reconcile.
 * `half-up` (away from zero) is offered for rules that state it.
 */
export type Rounding = 'half-even' | 'half-up' | 'down';

/** numerator / denominator rounded to an integer as `mode` says; exact for any size (bigint). */
export function divideRounded(numerator: bigint, denominator: bigint, mode: Rounding): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  let magnitude = quotient;
  if (mode === 'half-up' && twiceRemainder >= d) magnitude += 1n;
  if (mode === 'half-even' && (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)))
    magnitude += 1n;
  return negative ? -magnitude : magnitude;
}
