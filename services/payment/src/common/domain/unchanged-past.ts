import { type FieldViolation } from '@medgrid/errors';
import { type EffectivePeriod } from './effective-period';

export const RETROACTIVE_CHANGE = 'RETROACTIVE_CHANGE';

/** A value as text with every object's keys in order: the same row reads the same however it was stored. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a row said up to `today`: itself, its end read only as "after today" or the day it ended. Null if not begun. */
function upTo<T extends EffectivePeriod>(row: T, today: string): string | null {
  if (row.from > today) return null;
  const until = row.until === null || row.until > today ? 'after today' : row.until;
  return canonical({ ...row, until });
}

/**
 * A new version of dated rows (capitation rates, settlement policies) never changes the past: every row in force on
 * or before `today` stays as it was up to today (it may be ended after today, and a successor start then), and no
 * new row starts on or before today. Each row that would is named (`rates[1]`), and a row left out or ended by today
 * is named at the list.
 */
export function pastChangeViolations<T extends EffectivePeriod>(
  before: readonly T[],
  after: readonly T[],
  today: string,
  field: string,
): FieldViolation[] {
  const kept = new Map<string, number>();
  for (const row of before) {
    const text = upTo(row, today);
    if (text !== null) kept.set(text, (kept.get(text) ?? 0) + 1);
  }
  const violations: FieldViolation[] = [];
  after.forEach((row, index) => {
    const text = upTo(row, today);
    if (text === null) return;
    const left = kept.get(text) ?? 0;
    if (left > 0) {
      kept.set(text, left - 1);
      return;
    }
    violations.push({
      field: `${field}[${index}]`,
      reason: RETROACTIVE_CHANGE,
      description: `the row from ${row.from} changes what was in force on or before ${today}: a change takes effect after the day it is loaded`,
    });
  });
  if ([...kept.values()].some((left) => left > 0)) {
    violations.push({
      field,
      reason: RETROACTIVE_CHANGE,
      description: `a row in force on or before ${today} is missing or ended by ${today}: end it after today instead`,
    });
  }
  return violations;
}
