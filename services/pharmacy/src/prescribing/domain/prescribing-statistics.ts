import { shareBp } from '@medgrid/kernel';
import { EMPTY_TALLY, type PrescribingTally } from './prescription-record';

/** An institution's (or several institutions') prescribing over a period, from its recorded checks. */
export interface PrescribingFigures extends PrescribingTally {
  /** Shares of the catalogued lines and of their amount, in basis points, rounded down; null with no line. */
  readonly essentialShareBp: number | null;
  readonly volumeBasedShareBp: number | null;
  readonly essentialAmountShareBp: number | null;
  readonly volumeBasedAmountShareBp: number | null;
}

export interface InstitutionTally extends PrescribingTally {
  readonly institutionId: string;
  readonly groupId: string;
}

/**
 * The share of essential medicines (基本药物) and of volume-based procurement drugs in what was prescribed, by
 * lines and by amount at the group's prices, and the long prescriptions accepted and capped: what the city watches
 * of essential-first and of national procurement. An achieved share is never overstated (rounded down).
 */
export function figuresOf(tally: PrescribingTally): PrescribingFigures {
  return {
    ...tally,
    essentialShareBp: shareBp(tally.essentialLines, tally.lines),
    volumeBasedShareBp: shareBp(tally.volumeBasedLines, tally.lines),
    essentialAmountShareBp: shareBp(tally.essentialAmountFen, tally.amountFen),
    volumeBasedAmountShareBp: shareBp(tally.volumeBasedAmountFen, tally.amountFen),
  };
}

/** Tallies added together: the figures of several institutions (a group's, the city's) are of their sum, not an average of shares. */
export function sumTallies(tallies: readonly PrescribingTally[]): PrescribingTally {
  return tallies.reduce<PrescribingTally>(
    (sum, t) => ({
      checks: sum.checks + t.checks,
      lines: sum.lines + t.lines,
      essentialLines: sum.essentialLines + t.essentialLines,
      volumeBasedLines: sum.volumeBasedLines + t.volumeBasedLines,
      amountFen: sum.amountFen + t.amountFen,
      essentialAmountFen: sum.essentialAmountFen + t.essentialAmountFen,
      volumeBasedAmountFen: sum.volumeBasedAmountFen + t.volumeBasedAmountFen,
      longAccepted: sum.longAccepted + t.longAccepted,
      longCapped: sum.longCapped + t.longCapped,
    }),
    EMPTY_TALLY,
  );
}

export interface PrescribingStatistics {
  /** Per institution, by id. */
  readonly institutions: readonly (PrescribingFigures & { institutionId: string; groupId: string })[];
  /** All of them together. */
  readonly total: PrescribingFigures;
}

export function prescribingStatistics(tallies: readonly InstitutionTally[]): PrescribingStatistics {
  return {
    institutions: [...tallies]
      .sort((a, b) => a.institutionId.localeCompare(b.institutionId))
      .map((tally) => ({ ...figuresOf(tally), institutionId: tally.institutionId, groupId: tally.groupId })),
    total: figuresOf(sumTallies(tallies)),
  };
}
