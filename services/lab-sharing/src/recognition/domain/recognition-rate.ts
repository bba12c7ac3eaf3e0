import { type LookupOutcome } from './recognition-lookup';

export interface RecognitionRate {
  /** Look-ups that offered at least one recognised result and were decided. */
  readonly decided: number;
  readonly reused: number;
  /** reused / decided in basis points, rounded down (an achieved share is never overstated); null with none decided. */
  readonly rateBp: number | null;
}

/**
 * The recognition rate after look-up (调阅后的互认率; Guangzhou averaged 90%): among the look-ups that offered a
 * recognised result and were decided, the share that reused it. Look-ups that offered nothing, or are still
 * pending, do not count either way.
 */
export function recognitionRate(outcomes: readonly LookupOutcome[]): RecognitionRate {
  return recognitionRateOf(
    outcomes.filter((o) => o === 'reused').length,
    outcomes.filter((o) => o === 'ordered-anyway').length,
  );
}

/** The same rate from counts already made (the statistics count look-ups in the database). */
export function recognitionRateOf(reused: number, orderedAnyway: number): RecognitionRate {
  const decided = reused + orderedAnyway;
  return { decided, reused, rateBp: decided ? Math.floor((reused * 10_000) / decided) : null };
}
