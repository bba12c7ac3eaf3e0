import { type Fen } from '../../common/domain/money';
import { type BasisPoints } from '../../common/domain/share';
import { type ReimbursementRule } from '../domain/reimbursement-rule';

/** An employees' outpatient rule at a tertiary hospital for a referred contracted resident, changed as asked. */
export function aRule(overrides: Partial<ReimbursementRule> = {}): ReimbursementRule {
  return {
    scheme: 'urban-employee',
    level: 'tertiary',
    encounter: 'outpatient',
    referral: 'referred',
    contract: 'contracted',
    from: '2026-01-01',
    until: null,
    deductible: 20000 as Fen,
    deductibleBasis: 'per-year',
    ceiling: 600000 as Fen,
    rateBp: 5000 as BasisPoints,
    consultationWaived: true,
    basis: ['base rate 50% at tertiary'],
    ...overrides,
  };
}
