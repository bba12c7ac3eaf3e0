import { type FieldViolation } from '@medgrid/errors';
import { isUuid } from '@medgrid/errors';
import { overlaps, type SettlementPeriod } from '../../common/domain/effective-period';
import { type Fen, fenViolation } from '../../common/domain/money';
import { BudgetError, BudgetErrorCode } from './budget-error';

/**
 * A global budget (总额预付 / 总额付费): the sum the fund sets for a group and a period for the insured residents who
 * signed the group's integrated-service agreement (Guangzhou, Huadu). The group's spend on them is settled against
 * it; what is left or overspent is shared by the settlement policy.
 */
export interface GlobalBudget {
  readonly groupId: string;
  readonly period: SettlementPeriod;
  readonly amount: Fen;
  /** Residents under the agreement the amount was set for (for reports: spend per resident). */
  readonly residents: number;
  readonly basis: string;
}

export function globalBudgetViolations(budget: GlobalBudget, field: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const bad = (name: string, description: string) =>
    violations.push({ field: `${field}.${name}`, reason: BudgetErrorCode.InvalidBudget, description });
  if (!isUuid(budget.groupId)) bad('groupId', 'must be a UUID');
  if (!(budget.period.from < budget.period.until)) bad('period', 'must end after it starts');
  const amount = fenViolation(budget.amount, `${field}.amount`);
  if (amount) violations.push(amount);
  if (!Number.isSafeInteger(budget.residents) || budget.residents < 0)
    bad('residents', 'must be a whole count');
  if (!budget.basis.trim()) bad('basis', 'a budget says how it was set');
  return violations;
}

/**
 * A group's global budgets, one per period at most: a second budget overlapping a period the group already has is
 * refused (a period's budget is changed by replacing it, never by adding to it unseen).
 */
export class GlobalBudgetBook {
  private constructor(private budgets: readonly GlobalBudget[]) {}

  static of(budgets: readonly GlobalBudget[]): GlobalBudgetBook {
    return new GlobalBudgetBook([...budgets]);
  }

  set(budget: GlobalBudget): void {
    const violations = globalBudgetViolations(budget, 'budget');
    if (violations.length) throw BudgetError.invalid(violations);
    const others = this.budgets.filter(
      (b) =>
        !(
          b.groupId === budget.groupId &&
          b.period.from === budget.period.from &&
          b.period.until === budget.period.until
        ),
    );
    const clash = others.find(
      (b) =>
        b.groupId === budget.groupId &&
        overlaps(
          { from: b.period.from, until: b.period.until },
          { from: budget.period.from, until: budget.period.until },
        ),
    );
    if (clash) {
      throw new BudgetError(
        BudgetErrorCode.InvalidBudget,
        `the group already has a budget from ${clash.period.from} until ${clash.period.until}`,
        'budget.period',
      );
    }
    this.budgets = [...others, budget];
  }

  /** The group's budget for exactly this period, if set. */
  budgetFor(groupId: string, period: SettlementPeriod): GlobalBudget | null {
    return (
      this.budgets.find(
        (b) => b.groupId === groupId && b.period.from === period.from && b.period.until === period.until,
      ) ?? null
    );
  }

  all(): readonly GlobalBudget[] {
    return this.budgets;
  }
}
