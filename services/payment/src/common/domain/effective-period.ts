import { type FieldViolation } from '@medgrid/errors';
import { isLocalDate } from '@medgrid/kernel';
import { CommonError, CommonErrorCode } from './common-error';

/**
 * When a rule is in force: from a local date (Asia/Shanghai, YYYY-MM-DD) inclusive until a local date exclusive,
 * or open-ended (until null). Every rule of the service (a reimbursement row, a capitation rate, a disease group's
 * points, a resident's coverage) carries one, so a claim is judged by the rules of its own date, whenever it is
 * adjudicated.
 */
export interface EffectivePeriod {
  readonly from: string;
  readonly until: string | null;
}

export function effectivePeriodViolations(period: EffectivePeriod, field: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!isLocalDate(period.from)) {
    violations.push({
      field: `${field}.from`,
      reason: CommonErrorCode.InvalidDate,
      description: `"${period.from}" is not a date (YYYY-MM-DD)`,
    });
  }
  if (period.until !== null && !isLocalDate(period.until)) {
    violations.push({
      field: `${field}.until`,
      reason: CommonErrorCode.InvalidDate,
      description: `"${period.until}" is not a date (YYYY-MM-DD)`,
    });
  } else if (period.until !== null && period.until <= period.from) {
    violations.push({
      field: `${field}.until`,
      reason: CommonErrorCode.EmptyPeriod,
      description: `ends (${period.until}) on or before it starts (${period.from})`,
    });
  }
  return violations;
}

/** Whether the period is in force on the date. */
export function inForce(period: EffectivePeriod, date: string): boolean {
  return period.from <= date && (period.until === null || date < period.until);
}

/** Whether two periods share at least one day. */
export function overlaps(a: EffectivePeriod, b: EffectivePeriod): boolean {
  return (a.until === null || b.from < a.until) && (b.until === null || a.from < b.until);
}

/**
 * One violation per entry whose period overlaps an earlier entry of the same key (two rules for the same case in
 * force on the same day would make the answer depend on the order they were read), named `<field>[i].from`.
 */
export function overlapViolations<T extends EffectivePeriod>(
  entries: readonly T[],
  keyOf: (entry: T) => string,
  field: string,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const byKey = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    const key = keyOf(entry);
    const earlier = byKey.get(key) ?? [];
    const clash = earlier.find((other) => overlaps(entries[other]!, entry));
    if (clash !== undefined) {
      violations.push({
        field: `${field}[${index}].from`,
        reason: CommonErrorCode.OverlappingEffectiveDates,
        description: `${key} from ${entry.from} overlaps ${field}[${clash}] (from ${entries[clash]!.from} until ${entries[clash]!.until ?? 'further notice'})`,
      });
    }
    byKey.set(key, [...earlier, index]);
  });
  return violations;
}

/** A settlement period: whole local days from `from` inclusive to `until` exclusive (a month, a quarter, a year). */
export interface SettlementPeriod {
  readonly from: string;
  readonly until: string;
}

/** The calendar month of "YYYY-MM" as a settlement period. */
export function monthPeriod(month: string): SettlementPeriod {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(match?.[1]);
  const monthNumber = Number(match?.[2]);
  if (!match || monthNumber < 1 || monthNumber > 12) {
    throw new CommonError(CommonErrorCode.InvalidDate, `"${month}" is not a month (YYYY-MM)`, 'period');
  }
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, until: `${next}-01` };
}

/** Whether a date falls in the settlement period. */
export function inPeriod(period: SettlementPeriod, date: string): boolean {
  return period.from <= date && date < period.until;
}

export function periodKey(period: SettlementPeriod): string {
  return `${period.from}/${period.until}`;
}
