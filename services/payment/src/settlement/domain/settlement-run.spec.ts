import fc from 'fast-check';
import { type Fen } from '../../common/domain/money';
import { type BasisPoints } from '../../common/domain/share';
import { capitationForMonth, capitationTotal } from '../../budgets/domain/capitation';
import { aDiabetesRate } from '../../budgets/test/budget.factory';
import {
  aSettledClaim,
  aSettlementInput,
  CLINIC_ID,
  GROUP_ID,
  HOSPITAL_ID,
} from '../test/settlement.factory';
import { balances } from './ledger';
import { summedFigures } from './settled-claim';
import { type SettledClaim, type SettledFigures, settle, SettlementTally } from './settlement-run';
import { SettlementError, SettlementErrorCode } from './settlement-error';
import { studyPolicy, surplusRetainedOverspendNotCovered } from './settlement-policy';

const year2026 = { from: '2026-01-01', until: '2027-01-01' };

function tallyOf(
  claims: readonly SettledClaim[],
  batchSize = claims.length || 1,
  period = aSettlementInput().period,
) {
  const tally = new SettlementTally(period);
  for (let i = 0; i < claims.length; i += batchSize) tally.add(claims.slice(i, i + batchSize));
  return tally;
}

/** The run's tally from figures summed already, as its aggregate gives them. */
function tallyOfFigures(rows: readonly SettledFigures[], period = aSettlementInput().period) {
  const tally = new SettlementTally(period);
  tally.addFigures(rows);
  return tally;
}

function refusal(act: () => unknown): SettlementError {
  try {
    act();
  } catch (error) {
    if (error instanceof SettlementError) return error;
    throw error;
  }
  throw new Error('expected a SettlementError');
}

describe(settle.name, () => {
  const sut = settle;

  it('settles the Tianjin example: 1,000 diabetic patients at ¥7,500 spending ¥6,000 each leave ¥1.5 million, kept by the group', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const budget = capitationTotal(months.map((m) => capitationForMonth(aDiabetesRate(), m, 1000)));
    const claims = Array.from({ length: 1000 }, (_, i) =>
      aSettledClaim({
        claimId: `dm-${i}`,
        serviceDate: '2026-06-15',
        fund: 600_000 as Fen,
        patient: 0 as Fen,
      }),
    );
    const input = aSettlementInput({
      period: year2026,
      budget,
      budgetBasis: ['capitation E11, 1,000 residents'],
      policy: surplusRetainedOverspendNotCovered('2026-01-01'),
    });

    const result = sut(input, tallyOf(claims, 100, year2026));

    expect(budget).toBe(750_000_000);
    expect(result.fundPaid).toBe(600_000_000);
    expect(result.balance).toEqual({
      kind: 'surplus',
      amount: 150_000_000,
      retainedByGroup: 150_000_000,
      returnedToFund: 0,
    });
    expect(balances(result.ledger).get(`group:${GROUP_ID}:retained`)).toBe(-150_000_000);
  });

  it('settles the Tianjin example from the month’s aggregate: one row of 1,000 claims leaves the same ¥1.5 million to the group', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const budget = capitationTotal(months.map((m) => capitationForMonth(aDiabetesRate(), m, 1000)));
    const input = aSettlementInput({
      period: year2026,
      budget,
      budgetBasis: ['capitation E11, 1,000 residents'],
      policy: surplusRetainedOverspendNotCovered('2026-01-01'),
    });
    const summed: SettledFigures = {
      institutionId: CLINIC_ID,
      level: 'primary',
      referred: false,
      method: 'fee-for-service',
      claims: 1000,
      fund: 600_000_000 as Fen,
      patient: 0 as Fen,
      waived: 0 as Fen,
      weight: 0n,
    };

    const result = sut(input, tallyOfFigures([summed], year2026));

    expect(result.institutions[0]).toMatchObject({ claims: 1000, fund: 600_000_000 });
    expect(result.balance).toEqual({
      kind: 'surplus',
      amount: 150_000_000,
      retainedByGroup: 150_000_000,
      returnedToFund: 0,
    });
    expect(balances(result.ledger).get(`group:${GROUP_ID}:retained`)).toBe(-150_000_000);
  });

  it('gives the group the study’s 60% of the same surplus, ¥900,000, and the fund the rest', () => {
    const claims = Array.from({ length: 1000 }, (_, i) =>
      aSettledClaim({ claimId: `dm-${i}`, serviceDate: '2026-06-15', fund: 600_000 as Fen }),
    );
    const input = aSettlementInput({
      period: year2026,
      budget: 750_000_000 as Fen,
      policy: studyPolicy('2026-01-01'),
    });

    const result = sut(input, tallyOf(claims, 333, year2026));

    expect(result.balance).toMatchObject({ retainedByGroup: 90_000_000, returnedToFund: 60_000_000 });
  });

  it('writes the budget, each institution’s claims and patients’ shares, and the overspend shared 6:4, the budget closing at zero', () => {
    const claims = [
      aSettledClaim({
        institutionId: HOSPITAL_ID,
        level: 'tertiary',
        referred: true,
        fund: 800_000 as Fen,
        waived: 5000 as Fen,
      }),
      aSettledClaim({ fund: 300_000 as Fen }),
    ];

    const result = sut(aSettlementInput({ budget: 1_000_000 as Fen }), tallyOf(claims));

    expect(result.balance).toEqual({
      kind: 'overspend',
      amount: 100_000,
      coveredByFund: 60_000,
      coveredByFinance: 40_000,
      borneByGroup: 0,
    });
    expect(result.ledger.map((l) => [l.kind, l.account, l.debit, l.credit])).toEqual([
      ['budget', 'fund', 1_000_000, 0],
      ['budget', `budget:${GROUP_ID}`, 0, 1_000_000],
      ['claims', `budget:${GROUP_ID}`, 800_000, 0],
      ['claims', `institution:${HOSPITAL_ID}`, 0, 800_000],
      ['claims', `budget:${GROUP_ID}`, 300_000, 0],
      ['claims', `institution:${CLINIC_ID}`, 0, 300_000],
      ['patient-share', 'patients', 3000, 0],
      ['patient-share', `institution:${HOSPITAL_ID}`, 0, 3000],
      ['patient-share', 'patients', 3000, 0],
      ['patient-share', `institution:${CLINIC_ID}`, 0, 3000],
      ['overspend', 'fund', 60_000, 0],
      ['overspend', 'public-finance', 40_000, 0],
      ['overspend', `budget:${GROUP_ID}`, 0, 100_000],
    ]);
    expect(balances(result.ledger).get(`budget:${GROUP_ID}`)).toBe(0);
    expect(result.ledger.map((l) => l.line)).toEqual(result.ledger.map((_, i) => i + 1));
  });

  it('reports spend by level and referred against unreferred', () => {
    const claims = [
      aSettledClaim({ institutionId: HOSPITAL_ID, level: 'tertiary', referred: true, fund: 800_000 as Fen }),
      aSettledClaim({ institutionId: HOSPITAL_ID, level: 'tertiary', fund: 100_000 as Fen }),
      aSettledClaim({ fund: 50_000 as Fen }),
    ];

    const result = sut(aSettlementInput(), tallyOf(claims));

    expect(result.byLevel.tertiary).toEqual({ claims: 2, fund: 900_000, patient: 6000, waived: 0 });
    expect(result.byLevel.primary.fund).toBe(50_000);
    expect(result.byLevel.secondary.claims).toBe(0);
    expect(result.referred).toMatchObject({ claims: 1, fund: 800_000 });
    expect(result.unreferred).toMatchObject({ claims: 2, fund: 150_000 });
    expect(result.institutions.map((i) => [i.institutionId, i.claims, i.fund])).toEqual([
      [HOSPITAL_ID, 2, 900_000],
      [CLINIC_ID, 1, 50_000],
    ]);
  });

  it('shares the points pot among point-settled stays at the period’s point value', () => {
    const claims = [
      aSettledClaim({
        institutionId: HOSPITAL_ID,
        level: 'tertiary',
        method: 'points',
        fund: 0 as Fen,
        weight: 12_000_000n,
      }),
      aSettledClaim({ method: 'points', fund: 0 as Fen, weight: 4_000_000n }),
      aSettledClaim({ fund: 100_000 as Fen }),
    ];

    const result = sut(
      aSettlementInput({ budget: 1_000_000 as Fen, pointsPot: 800_000 as Fen }),
      tallyOf(claims),
    );

    expect(result.pointValue?.fenPerPoint).toBe('500.0000');
    expect(result.institutions.map((i) => [i.institutionId, i.byPoints, i.fund])).toEqual([
      [HOSPITAL_ID, 600_000, 600_000],
      [CLINIC_ID, 200_000, 300_000],
    ]);
    expect(result.fundPaid).toBe(900_000);
    expect(result.balance).toMatchObject({ kind: 'surplus', amount: 100_000 });
  });

  it('refuses a policy with a retention outside 0-100%, writing nothing', () => {
    const input = aSettlementInput({
      policy: { ...studyPolicy('2026-01-01'), surplusRetainedBp: 12_000 as BasisPoints },
    });

    expect(refusal(() => sut(input, tallyOf([aSettledClaim()]))).violations.map((v) => v.field)).toEqual([
      'policy.surplusRetainedBp',
    ]);
  });

  it('refuses a malformed group, a fraction of a fen, a points pot beyond the budget and another period, all at once', () => {
    const input = aSettlementInput({
      groupId: 'g',
      budget: 100.5 as Fen,
      period: { from: '2026-10-01', until: '2026-11-01' },
    });

    const error = refusal(() => sut(input, tallyOf([aSettledClaim()])));

    expect(error.code).toBe(SettlementErrorCode.InvalidRun);
    expect(error.violations.map((v) => [v.field, v.reason])).toEqual([
      ['groupId', SettlementErrorCode.InvalidRun],
      ['budget', 'FRACTION_OF_A_FEN'],
      ['period', SettlementErrorCode.InvalidRun],
    ]);
    expect(
      refusal(() => sut(aSettlementInput({ pointsPot: 2_000_000 as Fen }), tallyOf([aSettledClaim()])))
        .violations[0]?.field,
    ).toBe('pointsPot');
  });

  const claimsArbitrary = fc.array(
    fc.record({
      hospital: fc.boolean(),
      referred: fc.boolean(),
      fund: fc.integer({ min: 0, max: 50_000_000 }),
      patient: fc.integer({ min: 0, max: 5_000_000 }),
      weight: fc.bigInt({ min: 0n, max: 10n ** 8n }),
    }),
    { minLength: 1, maxLength: 60 },
  );

  function claimsOf(
    rows: readonly { hospital: boolean; referred: boolean; fund: number; patient: number; weight: bigint }[],
  ) {
    return rows.map((row, i) =>
      aSettledClaim({
        claimId: `p-${i}`,
        institutionId: row.hospital ? HOSPITAL_ID : CLINIC_ID,
        level: row.hospital ? 'tertiary' : 'primary',
        referred: row.referred,
        method: row.weight > 0n ? 'points' : 'fee-for-service',
        fund: (row.weight > 0n ? 0 : row.fund) as Fen,
        patient: row.patient as Fen,
        weight: row.weight,
      }),
    );
  }

  it('always balances: every run’s debits equal its credits, the budget closes at zero and money is conserved to the fen (property)', () => {
    fc.assert(
      fc.property(
        claimsArbitrary,
        fc.integer({ min: 0, max: 10 ** 10 }),
        fc.integer({ min: 0, max: 10 ** 8 }),
        fc.integer({ min: 0, max: 10_000 }),
        (rows, budget, pot, retained) => {
          const input = aSettlementInput({
            budget: budget as Fen,
            pointsPot: Math.min(pot, budget) as Fen,
            policy: { ...studyPolicy('2026-01-01'), surplusRetainedBp: retained as BasisPoints },
          });

          const result = sut(input, tallyOfFigures(summedFigures(claimsOf(rows))));

          const debits = result.ledger.reduce((s, l) => s + l.debit, 0);
          const credits = result.ledger.reduce((s, l) => s + l.credit, 0);
          expect(debits).toBe(credits);
          expect(balances(result.ledger).get(`budget:${GROUP_ID}`) ?? 0).toBe(0);
          const paidToInstitutions = -[...balances(result.ledger)]
            .filter(([account]) => account.startsWith('institution:'))
            .reduce((s, [, b]) => s + b, 0);
          expect(paidToInstitutions).toBe(result.fundPaid + result.patientPaid);
          if (result.balance.kind === 'surplus') {
            expect(result.fundPaid + result.balance.retainedByGroup + result.balance.returnedToFund).toBe(
              budget,
            );
          } else if (result.balance.kind === 'overspend') {
            const b = result.balance;
            expect(budget + b.coveredByFund + b.coveredByFinance + b.borneByGroup).toBe(result.fundPaid);
          }
        },
      ),
    );
  });

  it('gives the identical ledger when re-run, and whatever order and batches the claims were counted in (property)', () => {
    fc.assert(
      fc.property(claimsArbitrary, fc.integer({ min: 1, max: 10 }), fc.integer(), (rows, batchSize, seed) => {
        const claims = claimsOf(rows);
        const rotated = [
          ...claims.slice(Math.abs(seed) % claims.length),
          ...claims.slice(0, Math.abs(seed) % claims.length),
        ];
        const shuffled = seed % 2 ? rotated.reverse() : rotated;
        const input = aSettlementInput({ pointsPot: 500_000 as Fen });

        const first = sut(input, tallyOfFigures(summedFigures(claims)));
        const again = sut(input, tallyOfFigures(summedFigures(shuffled)));
        const resumed = sut(input, tallyOf(shuffled, batchSize));

        expect(again).toEqual(first);
        expect(resumed).toEqual(first);
      }),
    );
  });

  it('settles claims summed by institution, level, referral and method exactly as it settles them one by one, whatever the point value’s rounding (property)', () => {
    fc.assert(
      fc.property(claimsArbitrary, fc.integer({ min: 0, max: 10 ** 8 }), (rows, pot) => {
        const claims = claimsOf(rows);
        const input = aSettlementInput({ budget: (10 ** 9) as Fen, pointsPot: pot as Fen });

        const summed = sut(input, tallyOfFigures(summedFigures(claims)));
        const oneByOne = sut(input, tallyOf(claims));

        expect(summed).toEqual(oneByOne);
        expect(summed.institutions.reduce((s, i) => s + i.byPoints, 0)).toBe(summed.pointValue ? pot : 0);
      }),
    );
  });
});

describe(SettlementTally.name, () => {
  it('refuses a batch with a claim counted already or dated outside the period, and counts nothing of it', () => {
    const sut = new SettlementTally(aSettlementInput().period);
    sut.add([aSettledClaim({ claimId: 'a' })]);

    const twice = refusal(() => sut.add([aSettledClaim({ claimId: 'b' }), aSettledClaim({ claimId: 'a' })]));
    const outside = refusal(() =>
      sut.add([aSettledClaim({ claimId: 'c' }), aSettledClaim({ serviceDate: '2026-12-01' })]),
    );

    expect(twice.code).toBe(SettlementErrorCode.ClaimCountedTwice);
    expect(twice.violations[0]?.field).toBe('claims[1].claimId');
    expect(outside.code).toBe(SettlementErrorCode.ClaimOutsidePeriod);
    expect(sut.claims).toBe(1);
  });
});
