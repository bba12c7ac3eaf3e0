import fc from 'fast-check';
import { type Fen } from '../../common/domain/money';
import { type BasisPoints } from '../../common/domain/share';
import { EnrolmentError } from '../../enrolment/domain/enrolment-error';
import { ResidentCoverage } from '../../enrolment/domain/resident-coverage';
import { aResidentId, now } from '../../enrolment/test/enrolment.factory';
import { type ReimbursementRule } from '../../rules/domain/reimbursement-rule';
import { ReimbursementTable } from '../../rules/domain/reimbursement-table';
import { RuleError } from '../../rules/domain/rule-error';
import { starterReimbursementRules } from '../../rules/domain/starter/starter-reimbursement-rules';
import { aRule } from '../../rules/test/reimbursement-rule.factory';
import { aClaim, aLine } from '../test/claim.factory';
import { adjudicate, NOTHING_YET, yearToDateAfter } from './adjudication';
import { type ClaimVersion } from './claim-record';
import { type ClaimSubmission } from './claim-submission';

function covered(scheme: 'urban-employee' | 'urban-rural-resident' = 'urban-employee'): ResidentCoverage {
  const coverage = ResidentCoverage.of(aResidentId(), now);
  coverage.enrol({ scheme, from: '2020-01-01', until: null });
  return coverage;
}

function tableOf(rules: ReimbursementRule[]): ReimbursementTable {
  const table = ReimbursementTable.empty('region');
  table.load(rules, 0, now);
  return table;
}

function version(submission: ClaimSubmission = aClaim()): ClaimVersion {
  return { version: 1, submission, receivedAt: now, correctionReason: null };
}

const starter = tableOf(starterReimbursementRules('2026-01-01'));

describe(adjudicate.name, () => {
  const sut = adjudicate;

  it('waives a referred contracted resident’s consultation fee, takes the deductible, and pays the rate of the rest', () => {
    const table = tableOf([aRule({ deductible: 20000 as Fen, rateBp: 5000 as BasisPoints })]);

    const result = sut('claim-1', version(), covered(), table, NOTHING_YET);

    expect(result).toMatchObject({
      claimId: 'claim-1',
      claimVersion: 1,
      scheme: 'urban-employee',
      referral: 'referred',
      contract: 'contracted',
      ruleId: 'urban-employee/tertiary/outpatient/referred/contracted@2026-01-01',
      tableVersion: 1,
      total: 50000,
      waived: 5000,
      deductible: 20000,
      fund: 12500,
      patient: 32500,
    });
    expect(result.reasons.map((r) => [r.code, r.amount])).toEqual([
      ['RULE_APPLIED', 0],
      ['CONSULTATION_WAIVED', 5000],
      ['DEDUCTIBLE', 20000],
      ['RATE', 12500],
    ]);
  });

  it('pays 10 points less for the same visit straight to a tertiary hospital without a referral, and waives nothing', () => {
    const referred = sut('c', version(aClaim()), covered(), starter, {
      deductiblePaid: 20000 as Fen,
      fundPaid: 0 as Fen,
    });
    const unreferred = sut('c', version(aClaim({ referralId: null })), covered(), starter, {
      deductiblePaid: 20000 as Fen,
      fundPaid: 0 as Fen,
    });

    expect(referred.rateBp - unreferred.rateBp).toBe(1000);
    expect(referred.fund).toBe(22500);
    expect(unreferred.waived).toBe(0);
    expect(unreferred.fund).toBe(20000);
    expect(unreferred.reasons.map((r) => r.detail).join(' ')).toContain('without a referral');
  });

  it('adjudicates by the verified standing, not the claim’s word, and says why first', () => {
    const paid = { deductiblePaid: 20000 as Fen, fundPaid: 0 as Fen };
    const stated = sut('c', version(aClaim()), covered(), starter, paid);
    const verified = sut('c', version(aClaim()), covered(), starter, paid, {
      referral: 'unreferred',
      contract: 'contracted',
      reasons: ['referral x is not known to the platform: adjudicated as unreferred'],
    });

    expect(stated.referral).toBe('referred');
    expect(verified).toMatchObject({
      referral: 'unreferred',
      contract: 'contracted',
      waived: 0,
      fund: 20000,
    });
    expect(stated.rateBp - verified.rateBp).toBe(1000);
    expect(verified.reasons[0]).toEqual({
      code: 'VERIFIED',
      amount: 0,
      detail: 'referral x is not known to the platform: adjudicated as unreferred',
    });
  });

  it('pays primary care 20 points more than tertiary for the same bill under the starter table', () => {
    const met = { deductiblePaid: 20000 as Fen, fundPaid: 0 as Fen };
    const primary = sut(
      'c',
      version(aClaim({ institutionLevel: 'primary', referralId: null, contracted: false })),
      covered(),
      starter,
      met,
    );
    const tertiary = sut('c', version(aClaim({ contracted: false })), covered(), starter, met);

    expect(primary.fund).toBe(35000);
    expect(tertiary.fund).toBe(25000);
  });

  it('takes a yearly deductible only as far as it is still open, and a per-claim deductible every time', () => {
    const yearly = tableOf([aRule({ deductible: 20000 as Fen, consultationWaived: false })]);
    expect(
      sut('c', version(), covered(), yearly, { deductiblePaid: 15000 as Fen, fundPaid: 0 as Fen }).deductible,
    ).toBe(5000);
    expect(
      sut('c', version(), covered(), yearly, { deductiblePaid: 25000 as Fen, fundPaid: 0 as Fen }).deductible,
    ).toBe(0);

    const perClaim = tableOf([aRule({ deductible: 20000 as Fen, deductibleBasis: 'per-claim' })]);
    expect(
      sut('c', version(), covered(), perClaim, { deductiblePaid: 99999 as Fen, fundPaid: 0 as Fen })
        .deductible,
    ).toBe(20000);
  });

  it('lets the patient pay a bill below the deductible in full', () => {
    const claim = aClaim({ lines: [aLine({ unitPrice: 3000 as Fen })], referralId: null });

    const result = sut('c', version(claim), covered(), starter, NOTHING_YET);

    expect(result).toMatchObject({ total: 3000, deductible: 3000, fund: 0, patient: 3000 });
  });

  it('stops the fund at the yearly ceiling and says so', () => {
    const table = tableOf([
      aRule({ deductible: 0 as Fen, ceiling: 600000 as Fen, consultationWaived: false }),
    ]);

    const result = sut('c', version(), covered(), table, {
      deductiblePaid: 0 as Fen,
      fundPaid: 590000 as Fen,
    });

    expect(result.fund).toBe(10000);
    expect(result.patient).toBe(40000);
    expect(result.reasons.at(-1)).toMatchObject({ code: 'CEILING_REACHED', amount: 15000 });
  });

  it('rounds the fund share half-even: 50% of 1 fen is nothing, of 3 fen is 2', () => {
    const table = tableOf([aRule({ deductible: 0 as Fen, consultationWaived: false })]);
    const of = (amount: number) =>
      sut(
        'c',
        version(aClaim({ lines: [aLine({ unitPrice: amount as Fen })] })),
        covered(),
        table,
        NOTHING_YET,
      ).fund;

    expect(of(1)).toBe(0);
    expect(of(3)).toBe(2);
    expect(of(5)).toBe(2);
  });

  it('judges a claim by the resident’s scheme on its date: the residents scheme has its own rates', () => {
    const result = sut(
      'c',
      version(aClaim({ contracted: false })),
      covered('urban-rural-resident'),
      starter,
      NOTHING_YET,
    );

    expect(result.scheme).toBe('urban-rural-resident');
    expect(result.ruleId).toBe('urban-rural-resident/tertiary/outpatient/referred/uncontracted@2026-01-01');
  });

  it('refuses a resident not insured on the date and a claim no row is in force for', () => {
    const notCovered = ResidentCoverage.of(aResidentId(), now);
    expect(() => sut('c', version(), notCovered, starter, NOTHING_YET)).toThrow(EnrolmentError);
    expect(() =>
      sut('c', version(aClaim({ serviceDate: '2025-12-31' })), covered(), starter, NOTHING_YET),
    ).toThrow(RuleError);
  });

  it('never pays an unreferred visit to a higher level more than a referred one, nor tertiary care more than primary, under the starter table (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('outpatient', 'inpatient'),
        fc.constantFrom('secondary', 'tertiary'),
        fc.boolean(),
        fc.constantFrom('urban-employee', 'urban-rural-resident'),
        (prices, kind, level, contracted, scheme) => {
          const claim = (over: Partial<ClaimSubmission>) =>
            version(
              aClaim({
                encounter: kind === 'inpatient' ? { kind, days: 3 } : { kind },
                lines: prices.map((p) => aLine({ unitPrice: p as Fen })),
                contracted,
                ...over,
              }),
            );
          const fundOf = (over: Partial<ClaimSubmission>) =>
            sut('c', claim(over), covered(scheme), starter, NOTHING_YET).fund;

          expect(fundOf({ institutionLevel: level, referralId: null })).toBeLessThanOrEqual(
            fundOf({ institutionLevel: level }),
          );
          expect(fundOf({ institutionLevel: 'tertiary' })).toBeLessThanOrEqual(
            fundOf({ institutionLevel: 'primary' }),
          );
        },
      ),
    );
  });

  it('always splits the bill to the fen: waived + fund + patient = total, the fund within its rate and ceiling (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ price: fc.integer({ min: 0, max: 5_000_000 }), consultation: fc.boolean() }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.boolean(),
        (lines, rate, deductible, paidBefore, fundBefore, waiver) => {
          const table = tableOf([
            aRule({
              rateBp: rate as BasisPoints,
              deductible: deductible as Fen,
              ceiling: 800_000 as Fen,
              consultationWaived: waiver,
            }),
          ]);
          const claim = aClaim({
            lines: lines.map((l) =>
              aLine({ kind: l.consultation ? 'consultation' : 'item', unitPrice: l.price as Fen }),
            ),
          });
          const ytd = { deductiblePaid: paidBefore as Fen, fundPaid: fundBefore as Fen };

          const result = sut('c', version(claim), covered(), table, ytd);

          expect(result.waived + result.fund + result.patient).toBe(result.total);
          expect(result.fund).toBeGreaterThanOrEqual(0);
          expect(result.patient).toBeGreaterThanOrEqual(0);
          expect(result.fund).toBeLessThanOrEqual(Math.max(0, 800_000 - fundBefore));
          expect(result.fund * 10_000).toBeLessThanOrEqual(
            (result.total - result.waived - result.deductible) * rate + 5_000,
          );
          expect(yearToDateAfter(ytd, result).fundPaid).toBe(fundBefore + result.fund);
        },
      ),
    );
  });
});
