import { refusal } from '../../test/refusal';
import { PrescribingErrorCode } from './prescribing-error';
import { DEFAULT_SUPPLY_RULES, supplyRules } from './supply-rules';

describe(supplyRules.name, () => {
  const sut = supplyRules;

  it('defaults to 30 ordinary days and 12 weeks for a long prescription', () => {
    expect(DEFAULT_SUPPLY_RULES).toEqual({ ordinaryMaxDays: 30, longMaxDays: 84 });
  });

  it('takes a city that allows 60 ordinary and 90 long days, or no long prescriptions at all', () => {
    expect(sut(60, 90)).toEqual({ ordinaryMaxDays: 60, longMaxDays: 90 });
    expect(sut(30, 30)).toEqual({ ordinaryMaxDays: 30, longMaxDays: 30 });
  });

  it.each([
    [0, 84],
    [30, 29],
    [30, 366],
    [7.5, 84],
  ])('refuses %s ordinary and %s long days, naming the setting', (ordinary, long) => {
    expect(refusal(() => sut(ordinary, long, 'SUPPLY_DAYS'))).toMatchObject({
      code: PrescribingErrorCode.InvalidSupplyRules,
      violations: [{ field: 'SUPPLY_DAYS' }],
    });
  });
});
