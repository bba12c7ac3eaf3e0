import fc from 'fast-check';
import { type Fen } from '../../common/domain/money';
import { aDiabetesRate } from '../test/budget.factory';
import { CapitationSchedule } from './capitation-rate';
import { capitationForMonth, capitationForPeriod, capitationTotal, monthlyInstalments } from './capitation';

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

describe(capitationForPeriod.name, () => {
  const sut = capitationForPeriod;
  const managed = {
    contracted: 1_000,
    byDisease: { hypertension: 300, diabetes: 120, 'severe-mental-disorder': 4, tuberculosis: 0 },
  };

  function schedule(rates: Parameters<CapitationSchedule['load']>[0]): CapitationSchedule {
    const s = CapitationSchedule.empty('fund');
    s.load(rates, 0);
    return s;
  }

  it('pays the overall rate for every contracted resident and each disease rate for the residents managed for it', () => {
    const result = sut(
      schedule([
        aDiabetesRate({ diseaseGroup: null, annualPerResident: 12_000 as Fen, basis: 'overall' }),
        aDiabetesRate(),
        aDiabetesRate({ diseaseGroup: 'I10', annualPerResident: 24_000 as Fen, basis: 'hypertension' }),
      ]),
      '2026-11',
      managed,
    );

    expect(result.lines.map((l) => [l.diseaseGroup, l.residents, l.perResident, l.amount])).toEqual([
      [null, 1_000, 1_000, 1_000_000],
      ['E11', 120, 62_500, 7_500_000],
      ['I10', 300, 2_000, 600_000],
    ]);
    expect(result.amount).toBe(9_100_000);
    expect(result.basis[1]).toBe(
      'capitation 2026-11 E11: 120 residents at 62500 fen = 7500000 fen (Tianjin: ¥7,500 a year per diabetic patient [Pilot work plan 2023])',
    );
  });

  it('takes only the rates in force on the month’s first day', () => {
    const result = sut(
      schedule([
        aDiabetesRate({ until: '2026-10-31' }),
        aDiabetesRate({ from: '2026-11-01', annualPerResident: 600_000 as Fen }),
        aDiabetesRate({ diseaseGroup: null, from: '2026-11-02' }),
      ]),
      '2026-11',
      managed,
    );

    expect(result.lines.map((l) => [l.diseaseGroup, l.amount])).toEqual([['E11', 6_000_000]]);
  });

  it('pays nothing for a disease no contract is tagged with, and says so; no rate is no capitation', () => {
    const result = sut(schedule([aDiabetesRate({ diseaseGroup: 'C34' })]), '2026-11', managed);

    expect(result.amount).toBe(0);
    expect(result.lines[0]?.basis).toMatch(/no contract is tagged as managing C34/);
    expect(sut(CapitationSchedule.empty('fund'), '2026-11', managed)).toEqual({
      month: '2026-11',
      lines: [],
      amount: 0,
      basis: [],
    });
  });
});
