import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { adjudicate, NOTHING_YET } from '../../../claims/domain/adjudication';
import { ClaimRecord } from '../../../claims/domain/claim-record';
import { type ClaimSubmission } from '../../../claims/domain/claim-submission';
import { ClaimTypeormRepository } from '../../../claims/infrastructure/persistence/claim.typeorm-repository';
import { aClaim, aLine } from '../../../claims/test/claim.factory';
import { monthPeriod } from '../../../common/domain/effective-period';
import { type Fen } from '../../../common/domain/money';
import { type BasisPoints } from '../../../common/domain/share';
import { paymentDataSource } from '../../../database/payment-data-source';
import { ResidentCoverage } from '../../../enrolment/domain/resident-coverage';
import { aResidentId, now } from '../../../enrolment/test/enrolment.factory';
import { DiseaseGroupTable } from '../../../rules/domain/disease-group-points';
import { ReimbursementTable } from '../../../rules/domain/reimbursement-table';
import { starterDiseaseGroups } from '../../../rules/domain/starter/starter-disease-groups';
import { starterReimbursementRules } from '../../../rules/domain/starter/starter-reimbursement-rules';
import { type CompositeScheme } from '../../domain/payment-method';
import { pointsPotOf } from '../../domain/period-budget';
import { settledClaimOf, settledFiguresOf } from '../../domain/settled-claim';
import { settle, SettlementTally } from '../../domain/settlement-run';
import { aSettlementInput } from '../../test/settlement.factory';
import { ClaimsToSettleTypeormRepository } from './claims-to-settle.typeorm-repository';

const coverage = ResidentCoverage.of(aResidentId(), now);
coverage.enrol({ scheme: 'urban-employee', from: '2020-01-01', until: null });
const rules = ReimbursementTable.empty('region');
rules.load(starterReimbursementRules('2026-01-01'), 0, now);
const diseaseGroups = DiseaseGroupTable.empty('fund');
diseaseGroups.load(
  starterDiseaseGroups('2026-01-01'),
  { primary: 8000 as BasisPoints, secondary: 9000 as BasisPoints, tertiary: 10_000 as BasisPoints },
  0,
);
const scheme: CompositeScheme = {
  perCase: [{ diseaseGroup: 'K35', price: 800_000 as Fen }],
  bedDay: {
    diseaseGroups: ['F20'],
    perDay: { primary: 20_000 as Fen, secondary: 30_000 as Fen, tertiary: 40_000 as Fen },
  },
  pointsForInpatient: true,
};

/**
 * The run's aggregate over the real store: the group's month's claims by their versions in force, summed by
 * institution, level, encounter, disease group and referral, settle to exactly what the same claims settle to one
 * by one from their stored versions (jsonb), and what was counted is the count and checksum of those versions.
 */
describe(ClaimsToSettleTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let claims: ClaimTypeormRepository;
  let sut: ClaimsToSettleTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_claims_to_settle', (url) =>
      paymentDataSource(url, 2),
    );
    uow = new UnitOfWork(database.dataSource);
    claims = new ClaimTypeormRepository(uow);
    sut = new ClaimsToSettleTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  const hospital = uuidv7();
  const clinic = uuidv7();
  let n = 0;

  async function store(
    groupId: string | null,
    overrides: Partial<ClaimSubmission>,
    correction?: Partial<ClaimSubmission>,
  ): Promise<string> {
    n += 1;
    const record = ClaimRecord.receive(uuidv7(), aClaim({ claimNumber: `C-${n}`, ...overrides }), now, false);
    const placement = { groupId, regionId: uuidv7() };
    await uow.run(() =>
      claims.save(record, placement, adjudicate(record.id, record.current, coverage, rules, NOTHING_YET)),
    );
    if (correction) {
      record.correct({ ...record.current.submission, ...correction }, 'corrected', 1, now, false);
      await uow.run(() =>
        claims.save(record, placement, adjudicate(record.id, record.current, coverage, rules, NOTHING_YET)),
      );
    }
    return record.id;
  }

  it('sums the month’s claims by their versions in force to exactly what settling them one by one gives, and counts them', async () => {
    const groupId = uuidv7();
    const stay = (group: string, days: number): Partial<ClaimSubmission> => ({
      encounter: { kind: 'inpatient', days },
      diseaseGroup: group,
      lines: [
        aLine({ code: 'BED', quantity: days, unitPrice: 8000 as Fen }),
        aLine({ unitPrice: 900_000 as Fen }),
      ],
    });
    const ids = [
      await store(groupId, { institutionId: hospital }),
      await store(groupId, { institutionId: hospital, referralId: null }),
      await store(groupId, { institutionId: clinic, institutionLevel: 'primary', referralId: null }),
      await store(groupId, { institutionId: hospital, ...stay('I63', 9) }),
      await store(groupId, { institutionId: hospital, ...stay('I63', 4) }),
      await store(groupId, { institutionId: clinic, institutionLevel: 'secondary', ...stay('I63', 6) }),
      await store(groupId, { institutionId: hospital, ...stay('K35', 3) }),
      await store(groupId, { institutionId: clinic, institutionLevel: 'secondary', ...stay('F20', 30) }),
      await store(groupId, { institutionId: hospital, ...stay('Z99', 2) }), // no points: fee-for-service
      await store(groupId, { institutionId: hospital, ...stay('I63', 5) }, { ...stay('F20', 12) }), // corrected
      await store(groupId, { institutionId: clinic, institutionLevel: 'primary' }, { diseaseGroup: null }),
    ];
    await store(groupId, { institutionId: hospital, serviceDate: '2026-10-31' }); // another month
    await store(uuidv7(), { institutionId: hospital }); // another group
    await store(groupId, { institutionId: hospital }, { serviceDate: '2026-12-01' }); // corrected out of the month
    const period = monthPeriod('2026-11');

    const figures = await uow.run(() => sut.figuresInForce(groupId, period));

    const oneByOne = await Promise.all(
      ids.map(async (id) => {
        const stored = (await claims.find(id))!;
        return settledClaimOf(id, stored.record.current, stored.adjudications.at(-1)!, scheme, diseaseGroups);
      }),
    );
    const summed = figures.rows.map((row) => settledFiguresOf(row, scheme, diseaseGroups, period.from));
    const input = aSettlementInput({ groupId, budget: 5_000_000 as Fen });
    const perClaim = new SettlementTally(period);
    perClaim.add(oneByOne);
    const aggregate = new SettlementTally(period);
    aggregate.addFigures(summed);
    expect(summed.map((s) => s.method).sort()).toEqual(
      expect.arrayContaining(['bed-day', 'fee-for-service', 'per-case', 'points']),
    );
    expect(pointsPotOf(input.budget, summed)).toBe(pointsPotOf(input.budget, oneByOne));
    const pointsPot = pointsPotOf(input.budget, oneByOne);
    expect(settle({ ...input, pointsPot }, aggregate)).toEqual(settle({ ...input, pointsPot }, perClaim));
    expect(figures.counted.claims).toBe(ids.length);
    const [expected] = await database.dataSource.query<{ checksum: string }[]>(
      `SELECT lpad(to_hex(bit_xor(uuid_hash_extended(v.claim_id, v.version))), 16, '0') AS checksum
         FROM claim_version v JOIN claim c ON c.id = v.claim_id AND c.current_version = v.version
        WHERE v.claim_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(figures.counted.checksum).toBe(expected!.checksum);
  });

  it('answers a month without claims with no rows, nothing counted', async () => {
    const figures = await uow.run(() => sut.figuresInForce(uuidv7(), monthPeriod('2026-11')));

    expect(figures).toEqual({ rows: [], counted: { claims: 0, checksum: '0000000000000000' } });
  });
});
