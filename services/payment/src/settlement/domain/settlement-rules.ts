import { type FieldViolation } from '@medgrid/errors';
import {
  type EffectivePeriod,
  effectivePeriodViolations,
  inForce,
  overlapViolations,
} from '../../common/domain/effective-period';
import { LEVELS } from '../../common/domain/insurance';
import { fenViolation } from '../../common/domain/money';
import { type CompositeScheme } from './payment-method';
import { type SettlementPolicy, settlementPolicyViolations } from './settlement-policy';
import { SettlementError, SettlementErrorCode } from './settlement-error';

/** A composite scheme in force for a period. */
export type DatedCompositeScheme = CompositeScheme & EffectivePeriod;

export interface SettlementRulesSnapshot {
  /** The fund (a city's insurer) the rules are for. */
  readonly fundId: string;
  readonly version: number;
  readonly policies: readonly SettlementPolicy[];
  readonly schemes: readonly DatedCompositeScheme[];
}

function schemeViolations(scheme: DatedCompositeScheme, field: string): FieldViolation[] {
  const violations = effectivePeriodViolations(scheme, field);
  scheme.perCase.forEach((p, i) => {
    const price = fenViolation(p.price, `${field}.perCase[${i}].price`);
    if (price) violations.push(price);
  });
  const priced = new Set<string>();
  scheme.perCase.forEach((p, i) => {
    if (priced.has(p.diseaseGroup)) {
      violations.push({
        field: `${field}.perCase[${i}].diseaseGroup`,
        reason: SettlementErrorCode.InvalidPolicy,
        description: `disease group ${p.diseaseGroup} already has a per-case price`,
      });
    }
    priced.add(p.diseaseGroup);
  });
  for (const level of LEVELS) {
    const price = fenViolation(scheme.bedDay.perDay[level], `${field}.bedDay.perDay.${level}`);
    if (price) violations.push(price);
  }
  return violations;
}

/**
 * A fund's settlement rules, versioned like every rule table: the policy sharing a surplus or an overspend and the
 * composite scheme deciding how each claim is paid, each with its effective dates, one of each in force on any day.
 * A load is refused whole, every bad field named, and names the version it was made from. A period is settled by
 * the rules in force on its first day.
 */
export class SettlementRules {
  private constructor(private state: SettlementRulesSnapshot) {}

  static empty(fundId: string): SettlementRules {
    return new SettlementRules({ fundId, version: 0, policies: [], schemes: [] });
  }

  static restore(snapshot: SettlementRulesSnapshot): SettlementRules {
    return new SettlementRules(snapshot);
  }

  get version(): number {
    return this.state.version;
  }

  load(
    policies: readonly SettlementPolicy[],
    schemes: readonly DatedCompositeScheme[],
    fromVersion: number,
  ): void {
    if (fromVersion !== this.state.version) {
      throw new SettlementError(
        SettlementErrorCode.StaleRulesVersion,
        `the settlement rules are at version ${this.state.version}, not ${fromVersion}`,
        'fromVersion',
      );
    }
    const violations = [
      ...policies.flatMap((p, i) => settlementPolicyViolations(p, `policies[${i}]`)),
      ...overlapViolations(policies, () => 'the policy', 'policies'),
      ...schemes.flatMap((s, i) => schemeViolations(s, `schemes[${i}]`)),
      ...overlapViolations(schemes, () => 'the composite scheme', 'schemes'),
    ];
    if (violations.length) throw SettlementError.invalid(violations);
    this.state = {
      ...this.state,
      version: this.state.version + 1,
      policies: [...policies],
      schemes: [...schemes],
    };
  }

  policyOn(date: string): SettlementPolicy {
    return this.inForceOn(this.state.policies, date, 'settlement policy');
  }

  schemeOn(date: string): DatedCompositeScheme {
    return this.inForceOn(this.state.schemes, date, 'composite scheme');
  }

  snapshot(): SettlementRulesSnapshot {
    return { ...this.state, policies: [...this.state.policies], schemes: [...this.state.schemes] };
  }

  private inForceOn<T extends EffectivePeriod>(rows: readonly T[], date: string, what: string): T {
    const row = rows.find((r) => inForce(r, date));
    if (!row) {
      throw new SettlementError(
        SettlementErrorCode.NoRuleInForce,
        `no ${what} is in force on ${date}`,
        'period',
      );
    }
    return row;
  }
}
