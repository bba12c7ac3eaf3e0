import fc from 'fast-check';
import { type Fen } from '../../common/domain/money';
import { type BasisPoints } from '../../common/domain/share';
import {
  balanceOf,
  checkedPolicy,
  type SettlementPolicy,
  settlementPolicyViolations,
  studyPolicy,
  surplusRetainedOverspendNotCovered,
} from './settlement-policy';
import { SettlementError, SettlementErrorCode } from './settlement-error';

const study = studyPolicy('2026-01-01');

function policy(retained: number, fund: number, finance: number): SettlementPolicy {
  return {
    ...study,
    surplusRetainedBp: retained as BasisPoints,
    overspend: { fundBp: fund as BasisPoints, financeBp: finance as BasisPoints },
  };
}

describe(settlementPolicyViolations.name, () => {
  const sut = settlementPolicyViolations;

  it('takes the study’s policy and Xiangcheng’s', () => {
    expect(sut(study, 'policy')).toEqual([]);
    expect(sut(surplusRetainedOverspendNotCovered('2026-01-01'), 'policy')).toEqual([]);
  });

  it('refuses a retention outside 0-100% and overspend shares over the whole, naming each', () => {
    expect(sut(policy(10_001, -1, 4000), 'policy').map((v) => [v.field, v.reason])).toEqual([
      ['policy.surplusRetainedBp', 'SHARE_OUT_OF_RANGE'],
      ['policy.overspend.fundBp', 'SHARE_OUT_OF_RANGE'],
    ]);
    expect(sut(policy(6000, 7000, 4000), 'policy').map((v) => [v.field, v.reason])).toEqual([
      ['policy.overspend', 'SHARES_EXCEED_WHOLE'],
    ]);
  });

  it('is thrown as INVALID_SETTLEMENT_POLICY by checkedPolicy', () => {
    expect(() => checkedPolicy(policy(-5, 0, 0))).toThrow(SettlementError);
    try {
      checkedPolicy(policy(-5, 0, 0));
    } catch (error) {
      expect((error as SettlementError).code).toBe(SettlementErrorCode.InvalidPolicy);
      expect((error as SettlementError).category).toBe('invalid-argument');
    }
  });
});

describe(balanceOf.name, () => {
  const sut = balanceOf;

  it('lets the group keep 60% of a surplus under the study’s policy and gives the rest back to the fund', () => {
    expect(sut(750_000_000 as Fen, 600_000_000 as Fen, study)).toEqual({
      kind: 'surplus',
      amount: 150_000_000,
      retainedByGroup: 90_000_000,
      returnedToFund: 60_000_000,
    });
  });

  it('shares an emergency overspend 6:4 between the fund and public finance, the group bearing nothing', () => {
    expect(sut(1_000_000 as Fen, 1_100_001 as Fen, study)).toEqual({
      kind: 'overspend',
      amount: 100_001,
      coveredByFund: 60_001,
      coveredByFinance: 40_000,
      borneByGroup: 0,
    });
  });

  it('leaves a Xiangcheng overspend to the group (超支不补) and its surplus with the group', () => {
    const xiangcheng = surplusRetainedOverspendNotCovered('2026-01-01');

    expect(sut(100 as Fen, 150 as Fen, xiangcheng)).toMatchObject({ borneByGroup: 50, coveredByFund: 0 });
    expect(sut(150 as Fen, 100 as Fen, xiangcheng)).toMatchObject({ retainedByGroup: 50, returnedToFund: 0 });
  });

  it('is even when the spend is the budget', () => {
    expect(sut(100 as Fen, 100 as Fen, study)).toEqual({ kind: 'even' });
  });

  it('always shares a surplus or overspend to the fen, whatever the shares (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 13 }),
        fc.integer({ min: 0, max: 10 ** 13 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (budget, spend, retained, a, b) => {
          const fund = Math.min(a, b);
          const finance = Math.max(a, b) - fund;
          const balance = sut(budget as Fen, spend as Fen, policy(retained, fund, finance));
          if (balance.kind === 'surplus') {
            expect(balance.retainedByGroup + balance.returnedToFund).toBe(budget - spend);
          } else if (balance.kind === 'overspend') {
            expect(balance.coveredByFund + balance.coveredByFinance + balance.borneByGroup).toBe(
              spend - budget,
            );
          } else {
            expect(budget).toBe(spend);
          }
        },
      ),
    );
  });
});
