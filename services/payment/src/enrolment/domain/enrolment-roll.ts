import { type FieldViolation } from '@medgrid/errors';
import { effectivePeriodViolations, overlapViolations } from '../../common/domain/effective-period';
import { isScheme } from '../../common/domain/insurance';
import { EnrolmentError, EnrolmentErrorCode } from './enrolment-error';
import { type CoverageSpell, ResidentCoverage, residentIdViolation } from './resident-coverage';

/** One row of an insurer's enrolment roll (参保名单): a resident in a scheme for a period. */
export interface EnrolmentRow extends CoverageSpell {
  readonly residentId: string;
}

/**
 * Checks a roll as the insurer sends it, in bulk: every bad row and field named at once (`rows[12].residentId`),
 * and two rows of one resident in force on the same day refused (a resident is in one scheme at a time). Nothing of
 * a refused roll is applied. A good roll comes back grouped by resident, each resident's rows in date order, ready
 * for `ResidentCoverage.enrol`.
 */
export function checkedRoll(rows: readonly EnrolmentRow[], now: Date): Map<string, CoverageSpell[]> {
  const violations: FieldViolation[] = [];
  rows.forEach((row, index) => {
    const field = `rows[${index}]`;
    const resident = residentIdViolation(row.residentId, `${field}.residentId`, now);
    if (resident) violations.push(resident);
    if (!isScheme(row.scheme)) {
      violations.push({
        field: `${field}.scheme`,
        reason: EnrolmentErrorCode.UnknownScheme,
        description: `"${String(row.scheme)}" is not a scheme (urban-employee, urban-rural-resident)`,
      });
    }
    violations.push(...effectivePeriodViolations(row, field));
  });
  violations.push(...overlapViolations(rows, (row) => row.residentId, 'rows'));
  if (violations.length) throw EnrolmentError.invalid(violations);
  const byResident = new Map<string, CoverageSpell[]>();
  for (const { residentId, scheme, from, until } of rows) {
    byResident.set(residentId, [...(byResident.get(residentId) ?? []), { scheme, from, until }]);
  }
  for (const spells of byResident.values()) spells.sort((a, b) => (a.from < b.from ? -1 : 1));
  return byResident;
}

/**
 * Applies a checked roll to the residents' coverage as it stands (a resident not seen before starts empty): each
 * resident's spells are enrolled in date order. A spell starting on or before the latest one already recorded is
 * refused (COVERAGE_OUT_OF_ORDER): a roll brings coverage up to date, it does not rewrite the past.
 */
export function applyRoll(
  current: ReadonlyMap<string, ResidentCoverage>,
  roll: ReadonlyMap<string, readonly CoverageSpell[]>,
  now: Date,
): Map<string, ResidentCoverage> {
  const changed = new Map<string, ResidentCoverage>();
  for (const [residentId, spells] of roll) {
    const coverage = ResidentCoverage.restore(
      current.get(residentId)?.snapshot() ?? ResidentCoverage.of(residentId, now).snapshot(),
    );
    for (const spell of spells) coverage.enrol(spell, `residents.${residentId}`);
    changed.set(residentId, coverage);
  }
  return changed;
}

/** What a roll's row did: the spell it ended (its start), when the resident was in one still open. */
export interface RollRowReport {
  readonly index: number;
  readonly residentId: string;
  readonly endedSpellFrom: string | null;
}

/**
 * Checks and applies a roll in one step, all or nothing, naming rows as the insurer sent them: every bad row
 * (checkedRoll), and every row that would rewrite a resident's past (`rows[7].from`, COVERAGE_OUT_OF_ORDER), refused
 * together. Answers the residents changed and a report of each row in the roll's order.
 */
export function appliedRoll(
  current: ReadonlyMap<string, ResidentCoverage>,
  rows: readonly EnrolmentRow[],
  now: Date,
): { changed: Map<string, ResidentCoverage>; report: RollRowReport[] } {
  checkedRoll(rows, now);
  const byResident = new Map<string, number[]>();
  rows.forEach((row, index) =>
    byResident.set(row.residentId, [...(byResident.get(row.residentId) ?? []), index]),
  );
  const changed = new Map<string, ResidentCoverage>();
  const report: RollRowReport[] = [];
  const outOfOrder: FieldViolation[] = [];
  for (const [residentId, indexes] of byResident) {
    const coverage = ResidentCoverage.restore(
      current.get(residentId)?.snapshot() ?? ResidentCoverage.of(residentId, now).snapshot(),
    );
    indexes.sort((a, b) => (rows[a]!.from < rows[b]!.from ? -1 : 1));
    for (const index of indexes) {
      const { scheme, from, until } = rows[index]!;
      const open = coverage.snapshot().spells.at(-1);
      try {
        coverage.enrol({ scheme, from, until }, `rows[${index}]`);
      } catch (error) {
        if (!(error instanceof EnrolmentError)) throw error;
        outOfOrder.push(...error.violations);
        continue;
      }
      const ended = open && (open.until === null || open.until > from) ? open.from : null;
      report.push({ index, residentId, endedSpellFrom: ended });
    }
    changed.set(residentId, coverage);
  }
  if (outOfOrder.length) {
    throw new EnrolmentError(
      EnrolmentErrorCode.CoverageOutOfOrder,
      outOfOrder.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      outOfOrder.sort((a, b) => rowIndex(a.field) - rowIndex(b.field)),
    );
  }
  return { changed, report: report.sort((a, b) => a.index - b.index) };
}

function rowIndex(field: string): number {
  return Number(/^rows\[(\d+)\]/.exec(field)?.[1] ?? 0);
}
