import { monthPeriod } from '../../common/domain/effective-period';
import { type Fen } from '../../common/domain/money';
import { studyPolicy } from '../domain/settlement-policy';
import { settle, SettlementTally } from '../domain/settlement-run';
import { aSettledClaim, aSettlementInput, CLINIC_ID, GROUP_ID } from '../test/settlement.factory';
import { policyFromProto, policyToProto, settlementToProto } from './settlement.proto-mapper';

describe(settlementToProto.name, () => {
  const sut = settlementToProto;
  const stored = (budget: number) => {
    const tally = new SettlementTally(monthPeriod('2026-11'));
    tally.add([aSettledClaim({ fund: 10_000 as Fen })]);
    return {
      id: 'run',
      regionId: 'city',
      settledAt: new Date('2026-12-05T02:00:00Z'),
      settledBy: 'insurer',
      result: settle(
        aSettlementInput({ budget: budget as Fen, budgetBasis: ['global budget', 'capitation'] }),
        tally,
      ),
    };
  };

  it('writes a surplus with its shares, the budget’s parts and the ledger line by line', () => {
    const run = sut(stored(20_000));

    expect(run.balance).toEqual({
      kind: 'SURPLUS',
      amount: 10_000,
      retainedByGroup: 6_000,
      returnedToFund: 4_000,
      coveredByFund: 0,
      coveredByFinance: 0,
      borneByGroup: 0,
    });
    expect(run.budgetBasis).toEqual(['global budget', 'capitation']);
    expect(run.institutions.map((i) => [i.institutionId, i.figures?.claims])).toEqual([[CLINIC_ID, 1]]);
    expect(run.ledger[0]).toMatchObject({
      line: 1,
      kind: 'budget',
      account: 'fund',
      debit: 20_000,
      credit: 0,
    });
    expect(run.pointValue).toBeUndefined();
  });

  it('writes an overspend with its shares, and an even month with none', () => {
    expect(sut(stored(5_000)).balance).toMatchObject({
      kind: 'OVERSPEND',
      amount: 5_000,
      coveredByFund: 3_000,
      coveredByFinance: 2_000,
    });
    expect(sut(stored(10_000)).balance).toMatchObject({ kind: 'EVEN', amount: 0 });
    expect(sut(stored(10_000)).groupId).toBe(GROUP_ID);
  });
});

describe(policyFromProto.name, () => {
  it('reads back what policyToProto writes, an open end as null', () => {
    const policy = studyPolicy('2026-01-01');

    expect(policyFromProto(policyToProto(policy))).toEqual(policy);
  });
});
