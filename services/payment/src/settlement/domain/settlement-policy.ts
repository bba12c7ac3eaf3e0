import { type FieldViolation } from '@medgrid/errors';
import { CommonErrorCode } from '../../common/domain/common-error';
import { type EffectivePeriod, effectivePeriodViolations } from '../../common/domain/effective-period';
import { type Fen, subtractFen } from '../../common/domain/money';
import { allocate, type BasisPoints, basisPointsViolation } from '../../common/domain/share';
import { SettlementError } from './settlement-error';

/**
 * How a period's balance against the budget is shared (结余留用、超支分担). A surplus: the group keeps
 * `surplusRetainedBp` of it, the fund takes the rest back. An overspend: the fund covers `overspend.fundBp`, public
 * finance `overspend.financeBp`, and the group bears the rest ("超支不补", not covered, is both at 0).
 */
export interface SettlementPolicy extends EffectivePeriod {
  readonly surplusRetainedBp: BasisPoints;
  readonly overspend: { readonly fundBp: BasisPoints; readonly financeBp: BasisPoints };
  readonly basis: string;
}

/** Every problem of a policy at once: each share within 0-100%, the fund's and finance's together at most 100%. */
export function settlementPolicyViolations(policy: SettlementPolicy, field: string): FieldViolation[] {
  const violations = effectivePeriodViolations(policy, field);
  for (const [name, value] of [
    ['surplusRetainedBp', policy.surplusRetainedBp],
    ['overspend.fundBp', policy.overspend.fundBp],
    ['overspend.financeBp', policy.overspend.financeBp],
  ] as const) {
    const violation = basisPointsViolation(value, `${field}.${name}`);
    if (violation) violations.push(violation);
  }
  if (!violations.length && policy.overspend.fundBp + policy.overspend.financeBp > 10_000) {
    violations.push({
      field: `${field}.overspend`,
      reason: CommonErrorCode.SharesExceedWhole,
      description: `the fund's ${policy.overspend.fundBp} and finance's ${policy.overspend.financeBp} basis points are more than the whole overspend`,
    });
  }
  if (!policy.basis.trim()) {
    violations.push({
      field: `${field}.basis`,
      reason: 'REQUIRED',
      description: 'a policy says where it comes from',
    });
  }
  return violations;
}

export function checkedPolicy(policy: SettlementPolicy, field = 'policy'): SettlementPolicy {
  const violations = settlementPolicyViolations(policy, field);
  if (violations.length) throw SettlementError.invalid(violations);
  return policy;
}

export type Balance =
  | {
      readonly kind: 'surplus';
      readonly amount: Fen;
      readonly retainedByGroup: Fen;
      readonly returnedToFund: Fen;
    }
  | {
      readonly kind: 'overspend';
      readonly amount: Fen;
      readonly coveredByFund: Fen;
      readonly coveredByFinance: Fen;
      readonly borneByGroup: Fen;
    }
  | { readonly kind: 'even' };

/**
 * Budget against spend, shared by the policy. Shares are split by largest remainder (common/share.ts `allocate`):
 * the parts always add up to the surplus or overspend to the fen; on an exact tie the odd fen goes to the party
 * listed first (the group for a surplus, the fund for an overspend).
 */
export function balanceOf(budget: Fen, spend: Fen, policy: SettlementPolicy): Balance {
  const difference = subtractFen(budget, spend);
  if (difference > 0) {
    const [retained, returned] = allocate(difference, [
      BigInt(policy.surplusRetainedBp),
      BigInt(10_000 - policy.surplusRetainedBp),
    ]);
    return { kind: 'surplus', amount: difference, retainedByGroup: retained!, returnedToFund: returned! };
  }
  if (difference < 0) {
    const overspend = subtractFen(spend, budget);
    const { fundBp, financeBp } = policy.overspend;
    const [fund, finance, group] = allocate(overspend, [
      BigInt(fundBp),
      BigInt(financeBp),
      BigInt(10_000 - fundBp - financeBp),
    ]);
    return {
      kind: 'overspend',
      amount: overspend,
      coveredByFund: fund!,
      coveredByFinance: finance!,
      borneByGroup: group!,
    };
  }
  return { kind: 'even' };
}

/**
 * The first-contact study's figures: a primary institution keeps 60% of a surplus (the study says 50-70%; the
 * platform takes the middle), and an overspend caused by a public-health emergency is shared 6:4 between the fund
 * and public finance [First-contact study].
 */
export function studyPolicy(from: string): SettlementPolicy {
  return {
    from,
    until: null,
    surplusRetainedBp: 6000 as BasisPoints,
    overspend: { fundBp: 6000 as BasisPoints, financeBp: 4000 as BasisPoints },
    basis: 'surplus 50-70% retained, emergency overspend 6:4 fund and finance [First-contact study]',
  };
}

/** Xiangcheng's capitation: surplus retained, overspend not covered (结余留用、超支不补) [Xiangcheng case 2023]. */
export function surplusRetainedOverspendNotCovered(from: string): SettlementPolicy {
  return {
    from,
    until: null,
    surplusRetainedBp: 10_000 as BasisPoints,
    overspend: { fundBp: 0 as BasisPoints, financeBp: 0 as BasisPoints },
    basis: 'surplus retained, overspend not covered [Xiangcheng case 2023]',
  };
}
