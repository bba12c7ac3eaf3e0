import { capitationForPeriod } from '../../budgets/domain/capitation';
import { CapitationSchedule } from '../../budgets/domain/capitation-rate';
import { aDiabetesRate, aGlobalBudget } from '../../budgets/test/budget.factory';
import { type Fen } from '../../common/domain/money';
import { aSettledClaim } from '../test/settlement.factory';
import { periodBudget, pointsPotOf } from './period-budget';

describe(periodBudget.name, () => {
  const sut = periodBudget;

  const schedule = (...rates: ReturnType<typeof aDiabetesRate>[]) => {
    const s = CapitationSchedule.empty('0193a1b2-0000-7000-8000-00000000c1a0');
    if (rates.length > 0) s.load(rates, 0);
    return s;
  };

  it('adds the global budget and the month’s capitation, overall and per disease, saying what each was', () => {
    const capitation = capitationForPeriod(
      schedule(aDiabetesRate({ diseaseGroup: null, annualPerResident: 120_000 as Fen }), aDiabetesRate()),
      '2026-11',
      {
        contracted: 4,
        byDisease: { diabetes: 2, hypertension: 0, 'severe-mental-disorder': 0, tuberculosis: 0 },
      },
    );

    const budget = sut(aGlobalBudget({ amount: 1_000_000 as Fen, residents: 10 }), capitation);

    expect(budget.amount).toBe(1_000_000 + 4 * 10_000 + 2 * 62_500);
    expect(budget.basis).toHaveLength(3);
    expect(budget.basis[1]).toContain('overall: 4 residents at 10000 fen');
    expect(budget.basis[2]).toContain('E11: 2 residents at 62500 fen');
  });

  it('is 0 with neither, or a capitation without a rate in force', () => {
    expect(sut(null, null)).toEqual({ amount: 0, basis: [] });
    const none = capitationForPeriod(schedule(), '2026-11', {
      contracted: 4,
      byDisease: { diabetes: 0, hypertension: 0, 'severe-mental-disorder': 0, tuberculosis: 0 },
    });
    expect(sut(null, none)).toEqual({ amount: 0, basis: [] });
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
