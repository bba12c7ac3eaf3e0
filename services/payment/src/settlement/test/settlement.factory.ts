import { monthPeriod } from '../../common/domain/effective-period';
import { type Fen } from '../../common/domain/money';
import { type SettledClaim, type SettlementInput } from '../domain/settlement-run';
import { studyPolicy } from '../domain/settlement-policy';

export const GROUP_ID = '0193a1b2-0000-7000-8000-0000000000c1';
export const HOSPITAL_ID = '0193a1b2-0000-7000-8000-000000000001';
export const CLINIC_ID = '0193a1b2-0000-7000-8000-000000000002';

let next = 0;

/** A fee-for-service claim of November 2026 at the group's community clinic, its fund share ¥100, changed as asked. */
export function aSettledClaim(overrides: Partial<SettledClaim> = {}): SettledClaim {
  next += 1;
  return {
    claimId: `claim-${next}`,
    claimVersion: 1,
    serviceDate: '2026-11-10',
    institutionId: CLINIC_ID,
    level: 'primary',
    referred: false,
    method: 'fee-for-service',
    fund: 10_000 as Fen,
    patient: 3_000 as Fen,
    waived: 0 as Fen,
    weight: 0n,
    ...overrides,
  };
}

/** The group's November 2026 settlement with a ¥10,000 budget under the study's policy, changed as asked. */
export function aSettlementInput(overrides: Partial<SettlementInput> = {}): SettlementInput {
  return {
    groupId: GROUP_ID,
    period: monthPeriod('2026-11'),
    budget: 1_000_000 as Fen,
    budgetBasis: ['global budget, November 2026'],
    pointsPot: 0 as Fen,
    policy: studyPolicy('2026-01-01'),
    ...overrides,
  };
}
