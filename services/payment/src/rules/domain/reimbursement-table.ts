import { inForce, overlapViolations } from '../../common/domain/effective-period';
import {
  type ReimbursementRule,
  reimbursementRuleViolations,
  type RuleKey,
  ruleKeyText,
} from './reimbursement-rule';
import { RuleError, RuleErrorCode } from './rule-error';

export interface ReimbursementTableSnapshot {
  /** The insurance region the table is for (a city's fund). */
  readonly regionId: string;
  /** 0 before the first load; each load makes the next version, and every version is kept. */
  readonly version: number;
  readonly rules: readonly ReimbursementRule[];
  readonly loadedAt: Date | null;
}

/**
 * A region's reimbursement rule table, versioned. A load replaces the whole table and names the version it was
 * made from (two editors cannot overwrite each other unseen); it is refused whole, every bad row named, when any
 * row is wrong or two rows of the same key are in force on the same day. A policy change is a new row from its
 * effective date, the old row ended the day before: claims are judged by the row in force on their own date.
 */
export class ReimbursementTable {
  private constructor(private state: ReimbursementTableSnapshot) {}

  static empty(regionId: string): ReimbursementTable {
    return new ReimbursementTable({ regionId, version: 0, rules: [], loadedAt: null });
  }

  static restore(snapshot: ReimbursementTableSnapshot): ReimbursementTable {
    return new ReimbursementTable(snapshot);
  }

  get version(): number {
    return this.state.version;
  }

  load(rules: readonly ReimbursementRule[], fromVersion: number, now: Date): void {
    if (fromVersion !== this.state.version) {
      throw new RuleError(
        RuleErrorCode.StaleTableVersion,
        `the table is at version ${this.state.version}, not ${fromVersion}: read it again and redo the change`,
        'fromVersion',
      );
    }
    const violations = rules.flatMap((rule, index) => reimbursementRuleViolations(rule, `rules[${index}]`));
    violations.push(...overlapViolations(rules, ruleKeyText, 'rules'));
    if (violations.length) throw RuleError.invalid(violations);
    this.state = { ...this.state, version: this.state.version + 1, rules: [...rules], loadedAt: now };
  }

  /** The row of the key in force on the date, or NO_RULE_IN_FORCE naming `field`. */
  ruleFor(key: RuleKey, date: string, field: string): ReimbursementRule {
    const wanted = ruleKeyText(key);
    const rule = this.state.rules.find((r) => ruleKeyText(r) === wanted && inForce(r, date));
    if (!rule) {
      throw new RuleError(
        RuleErrorCode.NoRuleInForce,
        `table version ${this.state.version} has no rule for ${wanted} in force on ${date}`,
        field,
      );
    }
    return rule;
  }

  snapshot(): ReimbursementTableSnapshot {
    return { ...this.state, rules: [...this.state.rules] };
  }
}
