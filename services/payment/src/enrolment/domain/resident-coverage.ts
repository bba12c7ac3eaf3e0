import { type FieldViolation } from '@medgrid/errors';
import { RESIDENT_ID_PROBLEM_TEXT, residentIdProblem } from '@medgrid/kernel';
import {
  type EffectivePeriod,
  effectivePeriodViolations,
  inForce,
} from '../../common/domain/effective-period';
import { isScheme, type Scheme } from '../../common/domain/insurance';
import { EnrolmentError, EnrolmentErrorCode } from './enrolment-error';

/** A spell of one scheme: the resident is insured under `scheme` from `from` until `until` (exclusive) or on. */
export interface CoverageSpell extends EffectivePeriod {
  readonly scheme: Scheme;
}

export interface ResidentCoverageSnapshot {
  readonly residentId: string;
  /** In date order, never overlapping. */
  readonly spells: readonly CoverageSpell[];
}

/** Why a resident id is refused, or null (GB 11643, the one rule every service applies). */
export function residentIdViolation(residentId: string, field: string, now: Date): FieldViolation | null {
  const problem = residentIdProblem(residentId, now);
  return problem
    ? { field, reason: EnrolmentErrorCode.InvalidResidentId, description: RESIDENT_ID_PROBLEM_TEXT[problem] }
    : null;
}

/**
 * A resident's insurance coverage over time (参保): the schemes the insurer's roll says the resident was in, spell
 * after spell. A resident is in one scheme at a time; a new spell starting after an open one ends it (a resident
 * who takes a job moves from the residents' scheme to the employees'), and the roll is replayed in date order, so
 * a spell starting on or before the start of the latest one is refused rather than rewriting the past.
 */
export class ResidentCoverage {
  private constructor(private state: ResidentCoverageSnapshot) {}

  static of(residentId: string, now: Date): ResidentCoverage {
    const violation = residentIdViolation(residentId, 'residentId', now);
    if (violation)
      throw new EnrolmentError(EnrolmentErrorCode.InvalidResidentId, violation.description, 'residentId');
    return new ResidentCoverage({ residentId, spells: [] });
  }

  static restore(snapshot: ResidentCoverageSnapshot): ResidentCoverage {
    return new ResidentCoverage(snapshot);
  }

  get residentId(): string {
    return this.state.residentId;
  }

  /** Records a spell, ending the open spell before it; refuses a bad spell or one out of date order. */
  enrol(spell: CoverageSpell, field = 'spell'): void {
    const violations = effectivePeriodViolations(spell, field);
    if (!isScheme(spell.scheme)) {
      violations.push({
        field: `${field}.scheme`,
        reason: EnrolmentErrorCode.UnknownScheme,
        description: `"${String(spell.scheme)}" is not a scheme (urban-employee, urban-rural-resident)`,
      });
    }
    if (violations.length) throw EnrolmentError.invalid(violations);
    const spells = [...this.state.spells];
    const last = spells.at(-1);
    if (last && spell.from <= last.from) {
      throw new EnrolmentError(
        EnrolmentErrorCode.CoverageOutOfOrder,
        `a spell from ${spell.from} does not start after the latest spell (from ${last.from})`,
        `${field}.from`,
      );
    }
    if (last && (last.until === null || last.until > spell.from)) {
      spells[spells.length - 1] = { ...last, until: spell.from };
    }
    spells.push(spell);
    this.state = { ...this.state, spells };
  }

  /** Ends the spell in force on `on` (the resident left the scheme): from `on` the resident is not covered. */
  end(on: string): void {
    const last = this.state.spells.at(-1);
    if (!last || !inForce(last, on) || on === last.from) {
      throw new EnrolmentError(
        EnrolmentErrorCode.NotCovered,
        `no spell of ${this.state.residentId} is in force on ${on} to end`,
        'until',
      );
    }
    this.state = { ...this.state, spells: [...this.state.spells.slice(0, -1), { ...last, until: on }] };
  }

  /** The spell in force on the date, if any. */
  spellOn(date: string): CoverageSpell | null {
    return this.state.spells.find((spell) => inForce(spell, date)) ?? null;
  }

  /** The scheme on the date, or NOT_COVERED naming `field` (the claim's date, as the request carried it). */
  schemeOn(date: string, field: string): Scheme {
    const spell = this.spellOn(date);
    if (!spell) {
      throw new EnrolmentError(
        EnrolmentErrorCode.NotCovered,
        `resident ${this.state.residentId} is not insured on ${date}`,
        field,
      );
    }
    return spell.scheme;
  }

  snapshot(): ResidentCoverageSnapshot {
    return { ...this.state, spells: [...this.state.spells] };
  }
}
