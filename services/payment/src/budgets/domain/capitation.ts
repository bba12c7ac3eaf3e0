import { type Fen, sumFen, timesCount } from '../../common/domain/money';
import { allocate } from '../../common/domain/share';
import { type CapitationRate } from './capitation-rate';

/**
 * A yearly amount paid in twelve monthly instalments: equal to the fen, the fen left over going one each to the
 * earliest months, so the twelve always add up to the year exactly (¥7,500 is twelve instalments of ¥625; ¥99.97
 * is one of 834 fen and eleven of 833).
 */
export function monthlyInstalments(annual: Fen): Fen[] {
  return allocate(annual, new Array<bigint>(12).fill(1n));
}

/** A capitation budget line: the residents counted in a month at the month's instalment of a rate. */
export interface CapitationLine {
  readonly diseaseGroup: string | null;
  /** YYYY-MM */
  readonly month: string;
  readonly residents: number;
  readonly perResident: Fen;
  readonly amount: Fen;
  readonly basis: string;
}

/**
 * The capitation due for a month to the group or institution managing `residents` contracted residents (or
 * residents under management for the rate's disease): the month's instalment of the yearly rate for each.
 * Who counts is the registry's: residents with a contract in force on the first day of the month.
 */
export function capitationForMonth(rate: CapitationRate, month: string, residents: number): CapitationLine {
  const monthIndex = Number(month.slice(5, 7)) - 1;
  const perResident = monthlyInstalments(rate.annualPerResident)[monthIndex]!;
  return {
    diseaseGroup: rate.diseaseGroup,
    month,
    residents,
    perResident,
    amount: timesCount(perResident, residents),
    basis: rate.basis,
  };
}

export function capitationTotal(lines: readonly CapitationLine[]): Fen {
  return sumFen(lines.map((line) => line.amount));
}
