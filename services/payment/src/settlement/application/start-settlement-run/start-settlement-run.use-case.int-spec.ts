import { type Identity } from '@medgrid/auth';
import { SettlementCompletedEvent } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { GetPeriodCapitationUseCase } from '../../../budgets/application/get-period-capitation/get-period-capitation.use-case';
import { CapitationSchedule } from '../../../budgets/domain/capitation-rate';
import { BudgetTypeormRepository } from '../../../budgets/infrastructure/persistence/budget.typeorm-repository';
import { ClaimAdjudicator } from '../../../claims/application/claim-adjudicator';
import { ClaimIntake } from '../../../claims/application/claim-intake';
import { CorrectClaimCommand } from '../../../claims/application/correct-claim/correct-claim.command';
import { CorrectClaimUseCase } from '../../../claims/application/correct-claim/correct-claim.use-case';
import { SubmitClaimCommand } from '../../../claims/application/submit-claim/submit-claim.command';
import { SubmitClaimUseCase } from '../../../claims/application/submit-claim/submit-claim.use-case';
import { ClaimOutboxPublisher } from '../../../claims/infrastructure/messaging/claim-outbox.publisher';
import { ClaimTypeormRepository } from '../../../claims/infrastructure/persistence/claim.typeorm-repository';
import { aClaim } from '../../../claims/test/claim.factory';
import { monthPeriod } from '../../../common/domain/effective-period';
import { type Fen } from '../../../common/domain/money';
import { InstitutionPlacements } from '../../../common/institution-placements';
import { paymentDataSource } from '../../../database/payment-data-source';
import { FamilyDoctorContractTypeormRepository } from '../../../enrolment/infrastructure/persistence/family-doctor-contract.typeorm-repository';
import { ResidentCoverageTypeormRepository } from '../../../enrolment/infrastructure/persistence/resident-coverage.typeorm-repository';
import { aResidentId, now } from '../../../enrolment/test/enrolment.factory';
import { DiseaseGroupTableTypeormRepository } from '../../../rules/infrastructure/persistence/disease-group-table.typeorm-repository';
import { ReimbursementTableTypeormRepository } from '../../../rules/infrastructure/persistence/reimbursement-table.typeorm-repository';
import { PaymentFixtures } from '../../../test/payment-fixtures';
import { balances } from '../../domain/ledger';
import { studyPolicy } from '../../domain/settlement-policy';
import { SettlementErrorCode } from '../../domain/settlement-error';
import { SettlementOutboxPublisher } from '../../infrastructure/messaging/settlement-outbox.publisher';
import { ClaimsToSettleTypeormRepository } from '../../infrastructure/persistence/claims-to-settle.typeorm-repository';
import { SettledPeriodsTypeormRepository } from '../../infrastructure/persistence/settled-periods.typeorm-repository';
import { SettlementRulesTypeormRepository } from '../../infrastructure/persistence/settlement-rules.typeorm-repository';
import { SettlementRunTypeormRepository } from '../../infrastructure/persistence/settlement-run.typeorm-repository';
import { PutSettlementPoliciesCommand } from '../put-settlement-policies/put-settlement-policies.command';
import { PutSettlementPoliciesUseCase } from '../put-settlement-policies/put-settlement-policies.use-case';
import { StartSettlementRunCommand } from './start-settlement-run.command';
import { StartSettlementRunUseCase } from './start-settlement-run.use-case';

const insurer: Identity = {
  subject: 'insurer',
  role: 'city-operator',
  institutionId: null,
  groupId: null,
  practitionerId: null,
};

/**
 * Settlement runs through the real store: the claims submitted and corrected by the claims context, the budgets,
 * the policies, the locks that settle a month once, the ledger and the outbox.
 */
describe(StartSettlementRunUseCase.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let fixtures: PaymentFixtures;
  let registry: RegistryViewTypeormRepository;
  let budgets: BudgetTypeormRepository;
  let contracts: FamilyDoctorContractTypeormRepository;
  let submit: SubmitClaimUseCase;
  let correct: CorrectClaimUseCase;
  let putPolicies: PutSettlementPoliciesUseCase;
  let sut: StartSettlementRunUseCase;
  let runs: SettlementRunTypeormRepository;
  /** The use case on the same store whose announcement fails once: the run's transaction is rolled back whole. */
  let failingOnce: StartSettlementRunUseCase;
  let serial = 900;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_start_settlement_run', (url) =>
      paymentDataSource(url, 6),
    );
    uow = new UnitOfWork(database.dataSource);
    fixtures = new PaymentFixtures(uow);
    registry = new RegistryViewTypeormRepository(uow);
    budgets = new BudgetTypeormRepository(uow);
    contracts = new FamilyDoctorContractTypeormRepository(uow);
    const claims = new ClaimTypeormRepository(uow);
    const adjudicator = new ClaimAdjudicator(
      claims,
      new ResidentCoverageTypeormRepository(uow),
      new ReimbursementTableTypeormRepository(uow),
    );
    const claimEvents = new ClaimOutboxPublisher(new OutboxWriter(uow, 'payment'));
    const placements = new InstitutionPlacements(registry);
    const requests = new ClientRequests(uow);
    const settled = new SettledPeriodsTypeormRepository(uow);
    submit = new SubmitClaimUseCase(
      new ClaimIntake(uow, claims, adjudicator, claimEvents, placements, requests, settled),
    );
    correct = new CorrectClaimUseCase(uow, claims, adjudicator, claimEvents, placements, requests, settled);
    const rules = new SettlementRulesTypeormRepository(uow);
    putPolicies = new PutSettlementPoliciesUseCase(uow, rules, placements, requests);
    runs = new SettlementRunTypeormRepository(uow);
    const events = new SettlementOutboxPublisher(new OutboxWriter(uow, 'payment'));
    const useCase = (publisher: SettlementOutboxPublisher) =>
      new StartSettlementRunUseCase(
        uow,
        runs,
        rules,
        new ClaimsToSettleTypeormRepository(uow),
        new DiseaseGroupTableTypeormRepository(uow),
        budgets,
        new GetPeriodCapitationUseCase(budgets, contracts),
        registry,
        publisher,
        requests,
      );
    sut = useCase(events);
    let failed = false;
    const failing = Object.create(events) as SettlementOutboxPublisher;
    failing.settlementCompleted = async (settlement) => {
      if (!failed) {
        failed = true;
        // The run's rows are written by now: the failure must take them back with it.
        throw new Error('the process stopped before the run committed');
      }
      return events.settlementCompleted(settlement);
    };
    failingOnce = useCase(failing);
  });

  afterAll(() => database?.close());

  /** A primary centre leading a new group in a new city whose fund settles by the study's policy (60% retained). */
  async function aGroup(globalBudget: number | null): Promise<Identity & { regionId: string }> {
    const centre = await fixtures.anInstitution('primary');
    await putPolicies.execute(
      insurer,
      PutSettlementPoliciesCommand.create({
        clientRequestId: uuidv7(),
        regionId: centre.regionId,
        fromVersion: 0,
        policies: [studyPolicy('2026-01-01')],
        schemes: [],
      }),
      now,
    );
    if (globalBudget !== null) {
      await uow.run(() =>
        budgets.saveGlobalBudget(
          {
            groupId: centre.groupId!,
            period: monthPeriod('2026-11'),
            amount: globalBudget as Fen,
            residents: 100,
            basis: 'integrated-service agreement',
          },
          now,
        ),
      );
    }
    return centre;
  }

  /** A ¥300 examination at the centre of a new covered resident: ¥200 deductible, then 70% of ¥100, 7,000 fen. */
  async function aClaimOf(centre: Identity, serviceDate = '2026-11-10') {
    const residentId = await fixtures.cover(aResidentId((serial += 1)));
    const {
      institutionId: _i,
      institutionLevel: _l,
      ...claim
    } = aClaim({
      claimNumber: `OP-${uuidv7()}`,
      residentId,
      serviceDate,
      lines: [aClaim().lines[1]!],
      referralId: null,
      contracted: false,
    });
    return submit.execute(centre, SubmitClaimCommand.create({ clientRequestId: uuidv7(), claim }), now);
  }

  const run = (groupId: string, clientRequestId = uuidv7(), month = '2026-11') =>
    sut.execute(insurer, StartSettlementRunCommand.create({ clientRequestId, groupId, month }), now);

  it('settles a surplus: the budget (global budget and capitation, overall and per disease) less the claims, 60% retained by the group, written as a balanced ledger and announced', async () => {
    const centre = await aGroup(100_000);
    // Two contracted residents of the group's team on 1 November, at the fund's ¥1,200 a year (¥100 a month each),
    // one of them managed for diabetes at ¥7,500 a year (¥625 a month).
    const teamId = uuidv7();
    await registry.upsertTeam({
      id: teamId,
      institutionId: centre.institutionId!,
      groupId: centre.groupId!,
      version: 1,
    });
    for (const [n, diseases] of [
      [1, ['diabetes']],
      [2, []],
    ] as const) {
      await contracts.upsert({
        id: uuidv7(),
        residentIdNumber: aResidentId((serial += n)),
        teamId,
        status: 'active',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        endedOn: null,
        diseases,
        version: 1,
      });
    }
    await uow.run(async () => {
      const schedule = CapitationSchedule.empty(centre.regionId);
      schedule.load(
        [
          {
            diseaseGroup: null,
            annualPerResident: 120_000 as Fen,
            from: '2026-01-01',
            until: null,
            basis: 'fund',
          },
          {
            diseaseGroup: 'E11',
            annualPerResident: 750_000 as Fen,
            from: '2026-01-01',
            until: null,
            basis: 'diabetes, as Tianjin pays it',
          },
        ],
        0,
      );
      await budgets.saveCapitationSchedule(schedule, 'insurer', now);
    });
    const claims = [await aClaimOf(centre), await aClaimOf(centre)];
    await aClaimOf(centre, '2026-10-20'); // another month: not counted

    const settlement = await run(centre.groupId!);

    const r = settlement.result;
    expect(claims.map((c) => c.adjudications[0]!.fund)).toEqual([7_000, 7_000]);
    expect(r.budget).toBe(100_000 + 2 * 10_000 + 62_500);
    const memo = r.ledger.find((e) => e.kind === 'budget')!.memo;
    expect(memo).toMatch(/^global budget 100000 fen/);
    expect(memo).toContain('capitation 2026-11 overall: 2 residents at 10000 fen = 20000 fen');
    expect(memo).toContain('capitation 2026-11 E11: 1 residents at 62500 fen = 62500 fen');
    expect(r.fundPaid).toBe(14_000);
    expect(r.balance).toEqual({
      kind: 'surplus',
      amount: 168_500,
      retainedByGroup: 101_100,
      returnedToFund: 67_400,
    });
    const ledger = balances(r.ledger);
    expect(ledger.get(`budget:${centre.groupId!}`)).toBe(0);
    expect(ledger.get(`group:${centre.groupId!}:retained`)).toBe(-101_100);
    expect(ledger.get(`institution:${centre.institutionId!}`)).toBe(-(14_000 + 2 * 23_000));
    const stored = await database.dataSource.query<{ n: string; debit: string; credit: string }[]>(
      `SELECT count(*) AS n, sum(debit) AS debit, sum(credit) AS credit FROM ledger_entry WHERE run_id = $1`,
      [settlement.id],
    );
    expect(stored[0]).toEqual({
      n: String(r.ledger.length),
      debit: stored[0]!.credit,
      credit: stored[0]!.debit,
    });
    // What the run counted: the two claims' versions in force, by count and checksum (no row per claim).
    const [checksum] = await database.dataSource.query<{ x: string }[]>(
      `SELECT lpad(to_hex(bit_xor(uuid_hash_extended(id, current_version))), 16, '0') AS x
         FROM claim WHERE id = ANY($1::uuid[])`,
      [claims.map((c) => c.record.id)],
    );
    expect(await runs.countedBy(settlement.id)).toEqual({ claims: 2, checksum: checksum!.x });
    const events = await database.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND event_type = $2`,
      [centre.groupId, SettlementCompletedEvent.type],
    );
    expect(events[0]!.n).toBe('1');
    await expect(
      database.dataSource.query(`UPDATE ledger_entry SET debit = debit + 1 WHERE run_id = $1`, [
        settlement.id,
      ]),
    ).rejects.toThrow(/never updated or deleted/);
  });

  it('settles an overspend shared 6:4 by the fund and public finance, counting a corrected claim by its version in force', async () => {
    const centre = await aGroup(10_000);
    const first = await aClaimOf(centre);
    await aClaimOf(centre);
    const { institutionId: _i, institutionLevel: _l, ...content } = first.record.current.submission;
    await correct.execute(
      centre,
      CorrectClaimCommand.create({
        clientRequestId: uuidv7(),
        claimId: first.record.id,
        fromVersion: 1,
        claim: {
          ...content,
          lines: [{ ...content.lines[0]!, quantity: 2, amount: 60_000 as Fen }],
        },
        reason: 'two examinations',
      }),
      now,
    );

    const r = (await run(centre.groupId!)).result;

    // The corrected claim: ¥600 less the ¥200 deductible, 70% of ¥400 = 28,000 fen; the other 7,000.
    expect(r.fundPaid).toBe(35_000);
    expect(r.institutions[0]!.claims).toBe(2);
    expect(r.balance).toEqual({
      kind: 'overspend',
      amount: 25_000,
      coveredByFund: 15_000,
      coveredByFinance: 10_000,
      borneByGroup: 0,
    });
  });

  it('settles a month once: two runs racing make one settlement, the other refused; a retry is answered with the run it made', async () => {
    const centre = await aGroup(50_000);
    await aClaimOf(centre);
    const requestId = uuidv7();

    const outcomes = await Promise.allSettled([run(centre.groupId!, requestId), run(centre.groupId!)]);

    const made = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(made).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: SettlementErrorCode.PeriodAlreadySettled,
      violations: [expect.objectContaining({ field: 'month' })],
    });
    const runs = await database.dataSource.query<{ id: string }[]>(
      `SELECT id FROM settlement_run WHERE group_id = $1`,
      [centre.groupId],
    );
    expect(runs).toHaveLength(1);
    expect((await run(centre.groupId!, requestId)).id).toBe(runs[0]!.id);
  });

  it('leaves nothing of a run stopped before its commit, and its retry settles the month to the identical ledger', async () => {
    const centre = await aGroup(30_000);
    await aClaimOf(centre);
    await aClaimOf(centre);
    const requestId = uuidv7();
    const command = StartSettlementRunCommand.create({
      clientRequestId: requestId,
      groupId: centre.groupId!,
      month: '2026-11',
    });

    await expect(failingOnce.execute(insurer, command, now)).rejects.toThrow(/stopped before/);
    const left = await database.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM settlement_run WHERE group_id = $1`,
      [centre.groupId],
    );
    expect(left[0]!.n).toBe('0');
    const retried = await failingOnce.execute(insurer, command, now);
    const again = await sut.execute(insurer, command, now);

    expect(retried.result.fundPaid).toBe(14_000);
    expect(again).toEqual(retried);
    expect((await runs.find(retried.id))!.result.ledger).toEqual(retried.result.ledger);
  });

  it('lets only an operator of the group’s city settle it: one acting for an institution of another city is refused', async () => {
    const centre = await aGroup(20_000);
    const elsewhere = await fixtures.anInstitution('primary');
    const sameCity = { ...insurer, institutionId: centre.institutionId, groupId: centre.groupId };
    const otherCity = { ...insurer, institutionId: elsewhere.institutionId, groupId: elsewhere.groupId };
    const command = () =>
      StartSettlementRunCommand.create({
        clientRequestId: uuidv7(),
        groupId: centre.groupId!,
        month: '2026-11',
      });

    await expect(sut.execute(otherCity, command(), now)).rejects.toMatchObject({
      code: 'PAYMENT_ACCESS_DENIED',
    });
    await expect(
      sut.execute({ ...insurer, institutionId: null, groupId: elsewhere.groupId }, command(), now),
    ).rejects.toMatchObject({ code: 'PAYMENT_ACCESS_DENIED' });
    await expect(sut.execute(sameCity, command(), now)).resolves.toMatchObject({
      result: { groupId: centre.groupId },
    });
  });

  it('refuses a claim, and a correction, dated in a settled month, and takes one of the next month', async () => {
    const centre = await aGroup(50_000);
    const earlier = await aClaimOf(centre);
    await run(centre.groupId!);

    await expect(aClaimOf(centre, '2026-11-20')).rejects.toMatchObject({
      code: 'PERIOD_ALREADY_SETTLED',
    });
    const { institutionId: _i, institutionLevel: _l, ...content } = earlier.record.current.submission;
    await expect(
      correct.execute(
        centre,
        CorrectClaimCommand.create({
          clientRequestId: uuidv7(),
          claimId: earlier.record.id,
          fromVersion: 1,
          claim: { ...content, serviceDate: '2026-12-01' },
          reason: 'wrong date',
        }),
        now,
      ),
    ).rejects.toMatchObject({ code: 'PERIOD_ALREADY_SETTLED' });
    await expect(aClaimOf(centre, '2026-12-01')).resolves.toBeDefined();
  });

  it('puts a fund’s policies as versions, never changing one in force: it is ended after today and its successor starts then', async () => {
    const centre = await aGroup(null);
    const put = (fromVersion: number, policies: ReturnType<typeof studyPolicy>[]) =>
      putPolicies.execute(
        insurer,
        PutSettlementPoliciesCommand.create({
          clientRequestId: uuidv7(),
          regionId: centre.regionId,
          fromVersion,
          policies,
          schemes: [],
        }),
        now,
      );

    await expect(
      put(1, [{ ...studyPolicy('2026-01-01'), surplusRetainedBp: 5000 as never }]),
    ).rejects.toMatchObject({
      violations: [
        expect.objectContaining({ field: 'policies[0]', reason: 'RETROACTIVE_CHANGE' }),
        expect.objectContaining({ field: 'policies', reason: 'RETROACTIVE_CHANGE' }),
      ],
    });
    const next = await put(1, [
      { ...studyPolicy('2026-01-01'), until: '2027-01-01' },
      { ...studyPolicy('2027-01-01'), surplusRetainedBp: 5000 as never },
    ]);
    expect(next.version).toBe(2);
    expect(next.policyOn('2027-01-01').surplusRetainedBp).toBe(5000);
    await expect(put(1, [])).rejects.toMatchObject({ code: 'STALE_SETTLEMENT_RULES_VERSION' });
  });

  it('refuses a month not over, a group it does not know, a caller not the insurer and a malformed month', async () => {
    const centre = await aGroup(null);

    await expect(run(centre.groupId!, uuidv7(), '2026-12')).rejects.toMatchObject({
      code: SettlementErrorCode.PeriodNotOver,
    });
    await expect(run(uuidv7())).rejects.toMatchObject({ code: SettlementErrorCode.GroupNotKnown });
    await expect(
      sut.execute(
        centre,
        StartSettlementRunCommand.create({
          clientRequestId: uuidv7(),
          groupId: centre.groupId!,
          month: '2026-11',
        }),
        now,
      ),
    ).rejects.toMatchObject({ code: 'PAYMENT_ACCESS_DENIED' });
    let refusal: unknown;
    try {
      StartSettlementRunCommand.create({
        clientRequestId: uuidv7(),
        groupId: centre.groupId!,
        month: '2026-13',
      });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      violations: [expect.objectContaining({ field: 'month', reason: 'INVALID_PERIOD' })],
    });
  });
});
