import { type Fen } from '../../common/domain/money';
import { type BasisPoints } from '../../common/domain/share';
import { FEE_FOR_SERVICE_ONLY } from './payment-method';
import { type DatedCompositeScheme, SettlementRules } from './settlement-rules';
import { SettlementError, SettlementErrorCode } from './settlement-error';
import { studyPolicy, surplusRetainedOverspendNotCovered } from './settlement-policy';

function refusal(act: () => unknown): SettlementError {
  try {
    act();
  } catch (error) {
    if (error instanceof SettlementError) return error;
    throw error;
  }
  throw new Error('expected a SettlementError');
}

const feeForService: DatedCompositeScheme = {
  ...FEE_FOR_SERVICE_ONLY,
  from: '2026-01-01',
  until: '2027-01-01',
};
const withPoints: DatedCompositeScheme = {
  ...FEE_FOR_SERVICE_ONLY,
  perCase: [{ diseaseGroup: 'K35', price: 800_000 as Fen }],
  pointsForInpatient: true,
  from: '2027-01-01',
  until: null,
};

describe(SettlementRules.name, () => {
  it('answers the policy and the composite scheme in force on a date: a fund moving to points from 2027', () => {
    const sut = SettlementRules.empty('fund');
    sut.load(
      [
        { ...surplusRetainedOverspendNotCovered('2026-01-01'), until: '2027-01-01' },
        studyPolicy('2027-01-01'),
      ],
      [feeForService, withPoints],
      0,
    );

    expect(sut.policyOn('2026-12-01').overspend.fundBp).toBe(0);
    expect(sut.policyOn('2027-01-01').overspend.fundBp).toBe(6000);
    expect(sut.schemeOn('2026-12-01').pointsForInpatient).toBe(false);
    expect(sut.schemeOn('2027-02-01').pointsForInpatient).toBe(true);
    expect(sut.version).toBe(1);
  });

  it('refuses overlapping policies, a retention outside 0-100%, a per-case price with a fraction of a fen and a group priced twice, together', () => {
    const sut = SettlementRules.empty('fund');

    const error = refusal(() =>
      sut.load(
        [
          studyPolicy('2026-01-01'),
          { ...studyPolicy('2026-06-01'), surplusRetainedBp: 10_001 as BasisPoints },
        ],
        [
          {
            ...withPoints,
            perCase: [
              { diseaseGroup: 'K35', price: 0.5 as Fen },
              { diseaseGroup: 'K35', price: 1 as Fen },
            ],
          },
        ],
        0,
      ),
    );

    expect(error.violations.map((v) => [v.field, v.reason])).toEqual([
      ['policies[1].surplusRetainedBp', 'SHARE_OUT_OF_RANGE'],
      ['policies[1].from', 'OVERLAPPING_EFFECTIVE_DATES'],
      ['schemes[0].perCase[0].price', 'FRACTION_OF_A_FEN'],
      ['schemes[0].perCase[1].diseaseGroup', SettlementErrorCode.InvalidPolicy],
    ]);
    expect(sut.version).toBe(0);
  });

  it('refuses a stale load and a date no rule is in force on', () => {
    const sut = SettlementRules.empty('fund');
    sut.load([studyPolicy('2026-01-01')], [feeForService], 0);

    expect(refusal(() => sut.load([], [], 0)).code).toBe(SettlementErrorCode.StaleRulesVersion);
    expect(refusal(() => sut.schemeOn('2027-01-01')).code).toBe(SettlementErrorCode.NoRuleInForce);
    expect(refusal(() => sut.policyOn('2025-12-31')).code).toBe(SettlementErrorCode.NoRuleInForce);
  });
});
