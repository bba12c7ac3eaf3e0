import { type FieldViolation } from '@medgrid/errors';
import {
  type EffectivePeriod,
  effectivePeriodViolations,
  inForce,
  overlapViolations,
} from '../../common/domain/effective-period';
import { type InstitutionLevel, LEVELS } from '../../common/domain/insurance';
import { type BasisPoints, basisPointsViolation } from '../../common/domain/share';
import { RuleError, RuleErrorCode } from './rule-error';

/**
 * A disease group of point-value settlement (按病种分值付费, DIP) and its points: how heavy a case of the group is
 * against the others. A primary-level group (基层病种; Guangzhou set 544) is paid the same points at every level, so
 * treating it in primary care is not worth less to the institution; other groups are weighed by the level factor.
 */
export interface DiseaseGroupPoints extends EffectivePeriod {
  readonly code: string;
  readonly name: string;
  /** Whole points. */
  readonly points: number;
  readonly primaryLevel: boolean;
}

export interface DiseaseGroupTableSnapshot {
  readonly fundId: string;
  readonly version: number;
  readonly groups: readonly DiseaseGroupPoints[];
  /** The factor a level's points are weighed by for groups that are not primary-level (10000 = as listed). */
  readonly levelFactorBp: Readonly<Record<InstitutionLevel, BasisPoints>>;
}

function groupViolations(group: DiseaseGroupPoints, field: string): FieldViolation[] {
  const violations = effectivePeriodViolations(group, field);
  if (!/^[A-Za-z0-9][A-Za-z0-9.\-_]{0,31}$/.test(group.code)) {
    violations.push({
      field: `${field}.code`,
      reason: RuleErrorCode.InvalidRuleTable,
      description: 'a disease group code is 1-32 letters, digits, dots, dashes or underscores',
    });
  }
  if (!Number.isSafeInteger(group.points) || group.points <= 0) {
    violations.push({
      field: `${field}.points`,
      reason: RuleErrorCode.InvalidRuleTable,
      description: `${group.points} is not a whole number of points above zero`,
    });
  }
  return violations;
}

/** A fund's disease-group points, versioned and loadable; refused whole on a bad row or an overlap per code. */
export class DiseaseGroupTable {
  private constructor(private state: DiseaseGroupTableSnapshot) {}

  static empty(fundId: string): DiseaseGroupTable {
    const whole = 10_000 as BasisPoints;
    return new DiseaseGroupTable({
      fundId,
      version: 0,
      groups: [],
      levelFactorBp: { primary: whole, secondary: whole, tertiary: whole },
    });
  }

  static restore(snapshot: DiseaseGroupTableSnapshot): DiseaseGroupTable {
    return new DiseaseGroupTable(snapshot);
  }

  get version(): number {
    return this.state.version;
  }

  load(
    groups: readonly DiseaseGroupPoints[],
    levelFactorBp: Readonly<Record<InstitutionLevel, BasisPoints>>,
    fromVersion: number,
  ): void {
    if (fromVersion !== this.state.version) {
      throw new RuleError(
        RuleErrorCode.StaleTableVersion,
        `the table is at version ${this.state.version}, not ${fromVersion}`,
        'fromVersion',
      );
    }
    const violations = groups.flatMap((group, index) => groupViolations(group, `groups[${index}]`));
    violations.push(...overlapViolations(groups, (g) => g.code, 'groups'));
    for (const level of LEVELS) {
      const violation = basisPointsViolation(levelFactorBp[level], `levelFactorBp.${level}`);
      if (violation) violations.push(violation);
    }
    if (violations.length) throw RuleError.invalid(violations);
    this.state = { ...this.state, version: this.state.version + 1, groups: [...groups], levelFactorBp };
  }

  /** The group in force on the date, or UNKNOWN_DISEASE_GROUP naming `field`. */
  groupOn(code: string, date: string, field: string): DiseaseGroupPoints {
    const group = this.state.groups.find((g) => g.code === code && inForce(g, date));
    if (!group) {
      throw new RuleError(
        RuleErrorCode.UnknownDiseaseGroup,
        `disease group ${code} has no points in force on ${date}`,
        field,
      );
    }
    return group;
  }

  /**
   * A case's weight in 1/10000 points: the group's points × 10000 for a primary-level group at any level, × the
   * level factor otherwise. Exact integers (bigint), so no case is rounded before the point value is worked out.
   */
  weightOf(code: string, level: InstitutionLevel, date: string, field: string): bigint {
    const group = this.groupOn(code, date, field);
    const factor = group.primaryLevel ? 10_000 : this.state.levelFactorBp[level];
    return BigInt(group.points) * BigInt(factor);
  }

  /**
   * How a case the composite scheme pays by points is weighed: by its group's points when the group is in force on
   * the case's date, or — no group named, or none in force with that code — settled fee-for-service instead (its
   * adjudicated fund share) with the reason, so one case the table does not know never fails a settlement run; the
   * run reports every such case for the fund to add the group.
   */
  weighCase(code: string | null, level: InstitutionLevel, date: string): CaseWeighing {
    if (code === null) {
      return { method: 'fee-for-service', reason: 'no disease group named for a case paid by points' };
    }
    const group = this.state.groups.find((g) => g.code === code && inForce(g, date));
    if (!group) {
      return {
        method: 'fee-for-service',
        reason: `disease group ${code} has no points in force on ${date} in fund ${this.state.fundId}'s table`,
      };
    }
    const factor = group.primaryLevel ? 10_000 : this.state.levelFactorBp[level];
    return { method: 'points', weight: BigInt(group.points) * BigInt(factor) };
  }

  /** The table as in force on the date: only its groups in force then (what a period is settled by). */
  inForceOn(date: string): DiseaseGroupTable {
    return new DiseaseGroupTable({
      ...this.state,
      groups: this.state.groups.filter((g) => inForce(g, date)),
    });
  }

  snapshot(): DiseaseGroupTableSnapshot {
    return { ...this.state, groups: [...this.state.groups] };
  }
}

/** A point-settled case weighed (1/10000 points), or paid fee-for-service with the reason its group was not known. */
export type CaseWeighing =
  | { readonly method: 'points'; readonly weight: bigint }
  | { readonly method: 'fee-for-service'; readonly reason: string };
