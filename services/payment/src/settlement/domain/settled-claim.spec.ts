import { adjudicate, NOTHING_YET } from '../../claims/domain/adjudication';
import { type ClaimVersion } from '../../claims/domain/claim-record';
import { type ClaimSubmission } from '../../claims/domain/claim-submission';
import { aClaim, aLine } from '../../claims/test/claim.factory';
import { monthPeriod } from '../../common/domain/effective-period';
import { type Fen } from '../../common/domain/money';
import { type BasisPoints } from '../../common/domain/share';
import { ResidentCoverage } from '../../enrolment/domain/resident-coverage';
import { aResidentId, now } from '../../enrolment/test/enrolment.factory';
import { DiseaseGroupTable } from '../../rules/domain/disease-group-points';
import { ReimbursementTable } from '../../rules/domain/reimbursement-table';
import { starterDiseaseGroups } from '../../rules/domain/starter/starter-disease-groups';
import { starterReimbursementRules } from '../../rules/domain/starter/starter-reimbursement-rules';
import { aSettlementInput, CLINIC_ID, HOSPITAL_ID } from '../test/settlement.factory';
import { type CompositeScheme, FEE_FOR_SERVICE_ONLY } from './payment-method';
import { type ClaimFigures, settledClaimOf, settledFiguresOf } from './settled-claim';
import { settle, SettlementTally } from './settlement-run';

const coverage = ResidentCoverage.of(aResidentId(), now);
coverage.enrol({ scheme: 'urban-employee', from: '2020-01-01', until: null });
const rules = ReimbursementTable.empty('region');
rules.load(starterReimbursementRules('2026-01-01'), 0, now);
const groups = DiseaseGroupTable.empty('fund');
groups.load(
  starterDiseaseGroups('2026-01-01'),
  { primary: 8000 as BasisPoints, secondary: 9000 as BasisPoints, tertiary: 10_000 as BasisPoints },
  0,
);
const composite: CompositeScheme = {
  perCase: [{ diseaseGroup: 'K35', price: 800_000 as Fen }],
  bedDay: { diseaseGroups: [], perDay: { primary: 0 as Fen, secondary: 0 as Fen, tertiary: 0 as Fen } },
  pointsForInpatient: true,
};

function version(submission: ClaimSubmission): ClaimVersion {
  return { version: 1, submission, receivedAt: now, correctionReason: null };
}

function settledOf(id: string, submission: ClaimSubmission, scheme = composite) {
  const claim = version(submission);
  return settledClaimOf(id, claim, adjudicate(id, claim, coverage, rules, NOTHING_YET), scheme, groups);
}

const stroke = aClaim({
  claimNumber: 'IP-1',
  encounter: { kind: 'inpatient', days: 9 },
  principalDiagnosis: 'I63.900',
  diseaseGroup: 'I63',
  lines: [
    aLine({ code: 'BED', quantity: 9, unitPrice: 8000 as Fen }),
    aLine({ unitPrice: 1_500_000 as Fen }),
  ],
});

describe(settledClaimOf.name, () => {
  const sut = settledClaimOf;

  it('counts an outpatient visit by its adjudicated fund share, with the waiver and the patient’s share', () => {
    const claim = version(aClaim());
    const adjudication = adjudicate('c-1', claim, coverage, rules, NOTHING_YET);

    expect(sut('c-1', claim, adjudication, composite, groups)).toEqual({
      claimId: 'c-1',
      claimVersion: 1,
      serviceDate: '2026-11-10',
      institutionId: aClaim().institutionId,
      level: 'tertiary',
      referred: true,
      method: 'fee-for-service',
      fund: adjudication.fund,
      patient: adjudication.patient,
      waived: 5000,
      weight: 0n,
    });
  });

  it('counts a stroke stay by its group’s points at the level, and an appendicitis stay at its per-case price', () => {
    const byPoints = settledOf('c-2', stroke);
    const perCase = settledOf('c-3', {
      ...stroke,
      claimNumber: 'IP-2',
      diseaseGroup: 'K35',
      principalDiagnosis: 'K35.800',
    });

    expect(byPoints).toMatchObject({ method: 'points', fund: 0, weight: 12_000_000n });
    expect(perCase).toMatchObject({ method: 'per-case', fund: 800_000, weight: 0n });
    expect(perCase.patient).toBe(byPoints.patient);
  });

  it('counts the same stay fee-for-service where the group does not settle by points', () => {
    expect(settledOf('c-4', stroke, FEE_FOR_SERVICE_ONLY)).toMatchObject({
      method: 'fee-for-service',
      weight: 0n,
    });
  });

  it('takes claims from adjudication to a balanced settlement: the points pot paid out by the point value', () => {
    const tally = new SettlementTally(monthPeriod('2026-11'));
    tally.add([
      settledOf('s-1', { ...stroke, institutionId: HOSPITAL_ID }),
      settledOf('s-2', {
        ...stroke,
        claimNumber: 'IP-3',
        institutionId: CLINIC_ID,
        institutionLevel: 'secondary',
      }),
      settledOf('s-3', aClaim({ institutionId: CLINIC_ID, institutionLevel: 'primary', referralId: null })),
    ]);

    const result = settle(aSettlementInput({ budget: 5_000_000 as Fen, pointsPot: 3_000_000 as Fen }), tally);

    expect(result.pointValue?.totalWeight).toBe(22_800_000n);
    expect(result.institutions.reduce((s, i) => s + i.byPoints, 0)).toBe(3_000_000);
    expect(result.ledger.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
  });
});

describe(settledFiguresOf.name, () => {
  const sut = settledFiguresOf;
  const figures = (overrides: Partial<ClaimFigures>): ClaimFigures => ({
    institutionId: HOSPITAL_ID,
    level: 'tertiary',
    encounter: 'inpatient',
    diseaseGroup: 'I63',
    referred: true,
    claims: 3,
    fund: 900_000 as Fen,
    patient: 300_000 as Fen,
    waived: 0 as Fen,
    bedDays: 27,
    ...overrides,
  });
  const withBedDays: CompositeScheme = {
    ...composite,
    bedDay: {
      diseaseGroups: ['F20'],
      perDay: { primary: 1 as Fen, secondary: 2 as Fen, tertiary: 30_000 as Fen },
    },
  };

  it('pays summed stays as their claims one by one: points × the cases, the price × the cases, the day price × the days', () => {
    expect(sut(figures({}), composite, groups, '2026-11-01')).toMatchObject({
      method: 'points',
      claims: 3,
      fund: 0,
      patient: 300_000,
      weight: 3n * 12_000_000n,
    });
    expect(sut(figures({ diseaseGroup: 'K35' }), composite, groups, '2026-11-01')).toMatchObject({
      method: 'per-case',
      fund: 3 * 800_000,
    });
    expect(sut(figures({ diseaseGroup: 'F20' }), withBedDays, groups, '2026-11-01')).toMatchObject({
      method: 'bed-day',
      fund: 27 * 30_000,
    });
    expect(sut(figures({ encounter: 'outpatient' }), composite, groups, '2026-11-01')).toMatchObject({
      method: 'fee-for-service',
      fund: 900_000,
    });
  });

  it('pays stays whose group the fund’s table does not know their adjudicated fund share, rather than failing the run', () => {
    expect(sut(figures({ diseaseGroup: 'XX9' }), composite, groups, '2026-11-01')).toMatchObject({
      method: 'fee-for-service',
      fund: 900_000,
      weight: 0n,
    });
    expect(sut(figures({}), composite, DiseaseGroupTable.empty('fund'), '2026-11-01')).toMatchObject({
      method: 'fee-for-service',
      fund: 900_000,
    });
  });
});
