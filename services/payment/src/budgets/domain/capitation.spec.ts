import fc from 'fast-check';
import { type Fen } from '../../common/domain/money';
import { aDiabetesRate } from '../test/budget.factory';
import { capitationForMonth, capitationTotal, monthlyInstalments } from './capitation';

describe(monthlyInstalments.name, () => {
  const sut = monthlyInstalments;

  it('pays ¥7,500 a year as twelve instalments of ¥625', () => {
    expect(sut(750_000 as Fen)).toEqual(new Array(12).fill(62_500));
  });

  it('gives the fen left over to the earliest months', () => {
    expect(sut(9_997 as Fen)).toEqual([834, ...new Array<number>(11).fill(833)]);
    expect(sut(10_001 as Fen)).toEqual([
      ...new Array<number>(5).fill(834),
      ...new Array<number>(7).fill(833),
    ]);
  });

  it('always adds up to the year exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (annual) => {
        const months = sut(annual as Fen);
        expect(months.reduce((s, m) => s + m, 0)).toBe(annual);
        expect(Math.max(...months) - Math.min(...months)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe(capitationForMonth.name, () => {
  const sut = capitationForMonth;

  it('pays the month’s instalment for each resident counted: 1,000 diabetic patients are ¥625,000 a month', () => {
    expect(sut(aDiabetesRate(), '2026-11', 1000)).toEqual({
      diseaseGroup: 'E11',
      month: '2026-11',
      residents: 1000,
      perResident: 62_500,
      amount: 62_500_000,
      basis: aDiabetesRate().basis,
    });
  });

  it('adds up, over the year, to ¥7.5 million for 1,000 patients, as in Tianjin', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

    expect(capitationTotal(months.map((m) => sut(aDiabetesRate(), m, 1000)))).toBe(750_000_000);
  });
});
