import { monthPeriod } from '../../common/domain/effective-period';
import { type Fen } from '../../common/domain/money';
import { type CapitationRate } from '../domain/capitation-rate';
import { type GlobalBudget } from '../domain/global-budget';

export const GROUP_ID = '0193a1b2-0000-7000-8000-0000000000c1';

/** Tianjin's diabetes capitation: ¥7,500 a year per diabetic patient, changed as asked. */
export function aDiabetesRate(overrides: Partial<CapitationRate> = {}): CapitationRate {
  return {
    diseaseGroup: 'E11',
    annualPerResident: 750_000 as Fen,
    from: '2026-01-01',
    until: null,
    basis: 'Tianjin: ¥7,500 a year per diabetic patient [Pilot work plan 2023]',
    ...overrides,
  };
}

/** A group's global budget for November 2026: ¥10 million for 20,000 residents under agreement. */
export function aGlobalBudget(overrides: Partial<GlobalBudget> = {}): GlobalBudget {
  return {
    groupId: GROUP_ID,
    period: monthPeriod('2026-11'),
    amount: 1_000_000_000 as Fen,
    residents: 20_000,
    basis: 'integrated-service agreement, 2026',
    ...overrides,
  };
}
