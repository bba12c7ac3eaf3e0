/**
 * A part of a whole in basis points (1/100 of a percent), rounded down, so an achieved share is never overstated
 * (69.99% never shows as a 70% target met); null of nothing, where there is no share to speak of.
 */
export function shareBp(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 10_000) / whole) : null;
}
