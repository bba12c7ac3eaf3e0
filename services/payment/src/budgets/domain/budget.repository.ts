import { type SettlementPeriod } from '../../common/domain/effective-period';
import { type CapitationSchedule } from './capitation-rate';
import { type GlobalBudget } from './global-budget';

/** A fund's capitation schedules and groups' global budgets (all SQL lives in the adapter). */
export abstract class BudgetRepository {
  /** The fund's newest schedule (empty before the first load); `lock` makes loads of one fund wait their turn. */
  abstract capitationSchedule(fundId: string, lock: boolean): Promise<CapitationSchedule>;
  /** Stores the schedule's new version whole, beside the versions before it. */
  abstract saveCapitationSchedule(schedule: CapitationSchedule, loadedBy: string, at: Date): Promise<void>;
  /** The group's global budgets, every period. */
  abstract globalBudgets(groupId: string, lock: boolean): Promise<readonly GlobalBudget[]>;
  /** Puts the budget for its period, replacing the group's budget for the same period. */
  abstract saveGlobalBudget(budget: GlobalBudget, at: Date): Promise<void>;
  /** The group's budget for exactly the period, or null. */
  abstract globalBudgetFor(groupId: string, period: SettlementPeriod): Promise<GlobalBudget | null>;
}
