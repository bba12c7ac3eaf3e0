import { aDiabetesRate } from '../test/budget.factory';
import { BudgetError, BudgetErrorCode } from './budget-error';
import { CapitationSchedule } from './capitation-rate';

function refusal(act: () => unknown): BudgetError {
  try {
    act();
  } catch (error) {
    if (error instanceof BudgetError) return error;
    throw error;
  }
  throw new Error('expected a BudgetError');
}

describe(CapitationSchedule.name, () => {
  it('answers the rate of a disease group, or the overall rate, in force on a date', () => {
    const sut = CapitationSchedule.empty('fund');
    sut.load(
      [
        aDiabetesRate({ until: '2027-01-01' }),
        aDiabetesRate({ from: '2027-01-01', annualPerResident: 720_000 as never }),
        aDiabetesRate({
          diseaseGroup: null,
          annualPerResident: 60_000 as never,
          basis: 'overall, the fund’s own',
        }),
      ],
      0,
    );

    expect(sut.rateOn('E11', '2026-12-31').annualPerResident).toBe(750_000);
    expect(sut.rateOn('E11', '2027-01-01').annualPerResident).toBe(720_000);
    expect(sut.rateOn(null, '2026-06-01').annualPerResident).toBe(60_000);
    expect(sut.version).toBe(1);
  });

  it('refuses overlapping rates for one group, a fraction of a fen and no basis, all at once, and keeps what it had', () => {
    const sut = CapitationSchedule.empty('fund');

    const error = refusal(() =>
      sut.load(
        [aDiabetesRate(), aDiabetesRate({ from: '2026-06-01', annualPerResident: 1.5 as never, basis: ' ' })],
        0,
      ),
    );

    expect(error.code).toBe(BudgetErrorCode.InvalidBudget);
    expect(error.violations.map((v) => [v.field, v.reason])).toEqual([
      ['rates[1].annualPerResident', 'FRACTION_OF_A_FEN'],
      ['rates[1].basis', BudgetErrorCode.InvalidBudget],
      ['rates[1].from', 'OVERLAPPING_EFFECTIVE_DATES'],
    ]);
    expect(sut.version).toBe(0);
  });

  it('refuses a stale load and a group without a rate on the date', () => {
    const sut = CapitationSchedule.empty('fund');
    sut.load([aDiabetesRate()], 0);

    expect(refusal(() => sut.load([], 0)).code).toBe(BudgetErrorCode.StaleBudgetVersion);
    expect(refusal(() => sut.rateOn('I10', '2026-06-01')).code).toBe(BudgetErrorCode.NoCapitationRate);
    expect(refusal(() => sut.rateOn('E11', '2025-12-31')).code).toBe(BudgetErrorCode.NoCapitationRate);
  });
});
