import { type FieldViolation } from '@medgrid/errors';
import { localDate } from '@medgrid/kernel';
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
    if (this.state.version > 0) {
      const retroactive = retroactiveViolations(this.state.rules, rules, localDate(now));
      if (retroactive.length) {
        throw new RuleError(
          RuleErrorCode.RetroactiveChange,
          retroactive.map((v) => `${v.field}: ${v.description}`).join('; '),
          undefined,
          retroactive,
        );
      }
    }
    this.state = { ...this.state, version: this.state.version + 1, rules: [...rules], loadedAt: now };
  }

  /** The rows in force on the date, in the table's order. */
  rulesOn(date: string): ReimbursementRule[] {
    return this.state.rules.filter((rule) => inForce(rule, date));
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

/**
 * What a new version would change of the rules in force on or before `today` (the local date of the load): none
 * may change, since claims of those days were (or may be) adjudicated by them. A row may be ended from tomorrow on
 * and a new row may start after today; a row's content, start or end on a day up to today stays as it was. Rows
 * are compared as they stand up to today: a row starting after today does not count, and an end after today reads
 * as open-ended. The first load of a region has nothing to compare with and is not checked.
 */
export function retroactiveViolations(
  before: readonly ReimbursementRule[],
  after: readonly ReimbursementRule[],
  today: string,
): FieldViolation[] {
  const upToToday = (rule: ReimbursementRule): string | null =>
    rule.from > today
      ? null
      : JSON.stringify([
          ruleKeyText(rule),
          rule.from,
          rule.until !== null && rule.until <= today ? rule.until : null,
          rule.deductible,
          rule.deductibleBasis,
          rule.ceiling,
          rule.rateBp,
          rule.consultationWaived,
          rule.basis,
        ]);
  const kept = new Map<string, number>();
  const ruleOf = new Map<string, ReimbursementRule>();
  for (const rule of before) {
    const text = upToToday(rule);
    if (text === null) continue;
    kept.set(text, (kept.get(text) ?? 0) + 1);
    ruleOf.set(text, rule);
  }
  const violations: FieldViolation[] = [];
  after.forEach((rule, index) => {
    const text = upToToday(rule);
    if (text === null) return;
    const left = kept.get(text) ?? 0;
    if (left > 0) {
      kept.set(text, left - 1);
      return;
    }
    violations.push({
      field: `rules[${index}]`,
      reason: RuleErrorCode.RetroactiveChange,
      description: `${ruleKeyText(rule)} from ${rule.from} changes what was in force on or before ${today}: a change takes effect after the day it is loaded`,
    });
  });
  for (const [text, left] of kept) {
    if (left === 0) continue;
    const rule = ruleOf.get(text)!;
    violations.push({
      field: 'rules',
      reason: RuleErrorCode.RetroactiveChange,
      description: `${ruleKeyText(rule)} from ${rule.from}, in force on or before ${today}, is missing or ended by ${today}: end it after today instead`,
    });
  }
  return violations;
}
