import { type FieldViolation } from '@medgrid/errors';
import {
  type EffectivePeriod,
  effectivePeriodViolations,
  inForce,
  overlapViolations,
} from '../../common/domain/effective-period';
import { type Fen, fenViolation } from '../../common/domain/money';
import { BudgetError, BudgetErrorCode } from './budget-error';

/**
 * A capitation rate (按人头付费): what the fund pays a year for each contracted resident, overall
 * (`diseaseGroup` null) or for each resident under management for one disease (Tianjin pays ¥7,500 a year per
 * diabetic patient). Rates are data with effective dates like every rule.
 */
export interface CapitationRate extends EffectivePeriod {
  readonly diseaseGroup: string | null;
  readonly annualPerResident: Fen;
  readonly basis: string;
}

export interface CapitationScheduleSnapshot {
  /** The fund (a city's insurer) the schedule is for. */
  readonly fundId: string;
  readonly version: number;
  readonly rates: readonly CapitationRate[];
}

function keyOf(rate: CapitationRate): string {
  return rate.diseaseGroup ?? 'all contracted residents';
}

function rateViolations(rate: CapitationRate, field: string): FieldViolation[] {
  const violations = effectivePeriodViolations(rate, field);
  const amount = fenViolation(rate.annualPerResident, `${field}.annualPerResident`);
  if (amount) violations.push(amount);
  if (!rate.basis.trim()) {
    violations.push({
      field: `${field}.basis`,
      reason: BudgetErrorCode.InvalidBudget,
      description: 'a rate says where it comes from',
    });
  }
  return violations;
}

/** A fund's capitation rates, versioned; a load is refused whole when a rate is bad or two overlap for a key. */
export class CapitationSchedule {
  private constructor(private state: CapitationScheduleSnapshot) {}

  static empty(fundId: string): CapitationSchedule {
    return new CapitationSchedule({ fundId, version: 0, rates: [] });
  }

  static restore(snapshot: CapitationScheduleSnapshot): CapitationSchedule {
    return new CapitationSchedule(snapshot);
  }

  get version(): number {
    return this.state.version;
  }

  load(rates: readonly CapitationRate[], fromVersion: number): void {
    if (fromVersion !== this.state.version) {
      throw new BudgetError(
        BudgetErrorCode.StaleBudgetVersion,
        `the schedule is at version ${this.state.version}, not ${fromVersion}`,
        'fromVersion',
      );
    }
    const violations = rates.flatMap((rate, index) => rateViolations(rate, `rates[${index}]`));
    violations.push(...overlapViolations(rates, keyOf, 'rates'));
    if (violations.length) throw BudgetError.invalid(violations);
    this.state = { ...this.state, version: this.state.version + 1, rates: [...rates] };
  }

  /** The rate for the disease group (null: overall) in force on the date, or NO_CAPITATION_RATE. */
  rateOn(diseaseGroup: string | null, date: string): CapitationRate {
    const rate = this.state.rates.find((r) => r.diseaseGroup === diseaseGroup && inForce(r, date));
    if (!rate) {
      throw new BudgetError(
        BudgetErrorCode.NoCapitationRate,
        `no capitation rate for ${diseaseGroup ?? 'all contracted residents'} is in force on ${date}`,
        'diseaseGroup',
      );
    }
    return rate;
  }

  /** Every rate in force on the date, the overall one first, then by disease group. */
  ratesOn(date: string): CapitationRate[] {
    return this.state.rates
      .filter((r) => inForce(r, date))
      .sort((a, b) => (a.diseaseGroup ?? '').localeCompare(b.diseaseGroup ?? ''));
  }

  snapshot(): CapitationScheduleSnapshot {
    return { ...this.state, rates: [...this.state.rates] };
  }
}
