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
