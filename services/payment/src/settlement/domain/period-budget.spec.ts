import { capitationForMonth } from '../../budgets/domain/capitation';
import { aDiabetesRate, aGlobalBudget } from '../../budgets/test/budget.factory';
import { type Fen } from '../../common/domain/money';
import { aSettledClaim } from '../test/settlement.factory';
import { periodBudget, pointsPotOf } from './period-budget';

describe(periodBudget.name, () => {
  const sut = periodBudget;

  it('adds the global budget and the month’s capitation, saying what each was', () => {
    const budget = sut(
      aGlobalBudget({ amount: 1_000_000 as Fen, residents: 10 }),
      capitationForMonth(aDiabetesRate({ diseaseGroup: null }), '2026-11', 4),
    );

    expect(budget.amount).toBe(1_000_000 + 4 * 62_500);
    expect(budget.basis).toHaveLength(2);
    expect(budget.basis[1]).toContain('4 contracted residents at 62500 fen');
  });

  it('is 0 with neither', () => {
    expect(sut(null, null)).toEqual({ amount: 0, basis: [] });
  });
});

describe(pointsPotOf.name, () => {
  const sut = pointsPotOf;

  it('is 0 when no claim settles by points', () => {
    expect(sut(1_000_000 as Fen, [aSettledClaim()])).toBe(0);
  });

  it('is what the budget leaves after the other claims’ payments, never below 0', () => {
    const claims = [
      aSettledClaim({ fund: 300_000 as Fen }),
      aSettledClaim({ method: 'points', fund: 0 as Fen, weight: 10_000n }),
    ];

    expect(sut(1_000_000 as Fen, claims)).toBe(700_000);
    expect(sut(200_000 as Fen, claims)).toBe(0);
  });
});
