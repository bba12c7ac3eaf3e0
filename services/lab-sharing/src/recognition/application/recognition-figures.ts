import { recognitionRateOf } from '../domain/recognition-rate';
import { type LookupTally } from '../domain/recognition-lookup.repository';

/** What the city watches of one institution's look-ups of one item (or of all of them together). */
export interface RecognitionFigures {
  readonly institutionId: string;
  readonly itemCode: string;
  readonly lookups: number;
  /** Look-ups that offered at least one recognised result. */
  readonly offered: number;
  /** Repeat tests avoided. */
  readonly reused: number;
  readonly orderedAnyway: number;
  /** Reused among decided, in basis points rounded down; null with none decided. */
  readonly rateBp: number | null;
}

export function figuresOf(tally: LookupTally): RecognitionFigures {
  const o = tally.outcomes;
  const rate = recognitionRateOf(o.reused, o['ordered-anyway']);
  return {
    institutionId: tally.institutionId,
    itemCode: tally.itemCode,
    lookups: o['nothing-offered'] + o.pending + o.reused + o['ordered-anyway'],
    offered: o.pending + o.reused + o['ordered-anyway'],
    reused: o.reused,
    orderedAnyway: o['ordered-anyway'],
    rateBp: rate.rateBp,
  };
}

/** Every tally summed: the group's or the city's figures ('' for institution and item). */
export function totalOf(tallies: readonly LookupTally[]): RecognitionFigures {
  return figuresOf({ institutionId: '', itemCode: '', outcomes: outcomesOf(tallies) });
}

/** The look-ups of every tally summed, by outcome. */
export function outcomesOf(tallies: readonly LookupTally[]): LookupTally['outcomes'] {
  const sum = { 'nothing-offered': 0, pending: 0, reused: 0, 'ordered-anyway': 0 };
  for (const tally of tallies) {
    for (const outcome of Object.keys(sum) as (keyof typeof sum)[]) sum[outcome] += tally.outcomes[outcome];
  }
  return sum;
}
