import { monthPeriod } from '../../common/domain/effective-period';
import { aGlobalBudget, GROUP_ID } from '../test/budget.factory';
import { BudgetError, BudgetErrorCode } from './budget-error';
import { GlobalBudgetBook } from './global-budget';

function refusal(act: () => unknown): BudgetError {
  try {
    act();
  } catch (error) {
    if (error instanceof BudgetError) return error;
    throw error;
  }
  throw new Error('expected a BudgetError');
}

describe(GlobalBudgetBook.name, () => {
  it('keeps one budget per group and period, a new one for the same period replacing it', () => {
    const sut = GlobalBudgetBook.of([]);
    sut.set(aGlobalBudget());
    sut.set(aGlobalBudget({ amount: 1_100_000_000 as never }));
    sut.set(aGlobalBudget({ period: monthPeriod('2026-12') }));

    expect(sut.budgetFor(GROUP_ID, monthPeriod('2026-11'))?.amount).toBe(1_100_000_000);
    expect(sut.all()).toHaveLength(2);
    expect(sut.budgetFor(GROUP_ID, monthPeriod('2027-01'))).toBeNull();
  });

  it('refuses a budget overlapping another period of the group', () => {
    const sut = GlobalBudgetBook.of([aGlobalBudget()]);

    const error = refusal(() =>
      sut.set(aGlobalBudget({ period: { from: '2026-11-15', until: '2026-12-15' } })),
    );

    expect(error.violations[0]?.field).toBe('budget.period');
    expect(sut.all()).toHaveLength(1);
  });

  it('refuses every bad field at once', () => {
    const error = refusal(() =>
      GlobalBudgetBook.of([]).set(
        aGlobalBudget({
          groupId: 'g',
          amount: 0.5 as never,
          residents: -1,
          basis: '',
          period: { from: '2026-12-01', until: '2026-11-01' },
        }),
      ),
    );

    expect(error.code).toBe(BudgetErrorCode.InvalidBudget);
    expect(error.violations.map((v) => v.field)).toEqual([
      'budget.groupId',
      'budget.period',
      'budget.amount',
      'budget.residents',
      'budget.basis',
    ]);
  });
});
