import { type Fen, sumFen, timesCount } from '../../common/domain/money';
import { allocate } from '../../common/domain/share';
import {
  type ManagedResidents,
  MANAGED_DISEASES,
  type ManagedDisease,
} from '../../enrolment/domain/family-doctor-contract';
import { type CapitationRate, type CapitationSchedule } from './capitation-rate';

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

/** A period's whole capitation: a line per rate in force on its first day (overall, then each disease), and why. */
export interface PeriodCapitation {
  /** YYYY-MM */
  readonly month: string;
  readonly lines: readonly CapitationLine[];
  readonly amount: Fen;
  readonly basis: readonly string[];
}

function diseaseOfGroup(diseaseGroup: string): ManagedDisease | null {
  const entry = Object.entries(MANAGED_DISEASES).find(([, code]) => code === diseaseGroup);
  return entry ? (entry[0] as ManagedDisease) : null;
}

/**
 * The month's capitation for a group: every rate of the fund's schedule in force on the month's first day, the
 * overall rate for each contracted resident and each disease's rate for each resident managed for it, counted on
 * that day. A disease rate the registry manages no resident for (a code its contracts do not tag) pays nothing,
 * and its basis says so; a month without any rate in force has no capitation (amount 0, no line).
 */
export function capitationForPeriod(
  schedule: CapitationSchedule,
  month: string,
  managed: ManagedResidents,
): PeriodCapitation {
  const lines = schedule.ratesOn(`${month}-01`).map((rate) => {
    if (rate.diseaseGroup === null) return capitationForMonth(rate, month, managed.contracted);
    const disease = diseaseOfGroup(rate.diseaseGroup);
    const line = capitationForMonth(rate, month, disease ? managed.byDisease[disease] : 0);
    return disease
      ? line
      : { ...line, basis: `${rate.basis}; no contract is tagged as managing ${rate.diseaseGroup}` };
  });
  const basis = lines.map(
    (l) =>
      `capitation ${month} ${l.diseaseGroup ?? 'overall'}: ${l.residents} residents at ${l.perResident} fen = ${l.amount} fen (${l.basis})`,
  );
  return { month, lines, amount: capitationTotal(lines), basis };
}
