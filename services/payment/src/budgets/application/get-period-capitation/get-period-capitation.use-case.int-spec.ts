import { UnitOfWork } from '@medgrid/database';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type Fen } from '../../../common/domain/money';
import { paymentDataSource } from '../../../database/payment-data-source';
import { FamilyDoctorContractTypeormRepository } from '../../../enrolment/infrastructure/persistence/family-doctor-contract.typeorm-repository';
import { aResidentId } from '../../../enrolment/test/enrolment.factory';
import { BudgetTypeormRepository } from '../../infrastructure/persistence/budget.typeorm-repository';
import { aDiabetesRate } from '../../test/budget.factory';
import { GetPeriodCapitationUseCase } from './get-period-capitation.use-case';

/** A group's month's capitation, overall and per disease, from the fund's rates and payment's contracts. */
describe(GetPeriodCapitationUseCase.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: GetPeriodCapitationUseCase;
  let budgets: BudgetTypeormRepository;
  let contracts: FamilyDoctorContractTypeormRepository;
  let registry: RegistryViewTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_capitation', (url) => paymentDataSource(url, 2));
    uow = new UnitOfWork(database.dataSource);
    budgets = new BudgetTypeormRepository(uow);
    contracts = new FamilyDoctorContractTypeormRepository(uow);
    registry = new RegistryViewTypeormRepository(uow);
    sut = new GetPeriodCapitationUseCase(budgets, contracts);
  });

  afterAll(() => database?.close());

  it('pays the overall rate per contracted resident and ¥7,500 a year per diabetic one, counted on the first day', async () => {
    const [groupId, teamId, fundId] = [uuidv7(), uuidv7(), uuidv7()];
    await registry.upsertTeam({ id: teamId, institutionId: uuidv7(), groupId, version: 1 });
    const contract = (n: number, diseases: ('diabetes' | 'hypertension')[], startDate = '2026-01-01') =>
      contracts.upsert({
        id: uuidv7(),
        residentIdNumber: aResidentId(n),
        teamId,
        status: 'active',
        startDate,
        endDate: '2026-12-31',
        endedOn: null,
        diseases,
        version: 1,
      });
    await contract(201, ['diabetes', 'hypertension']);
    await contract(202, ['hypertension']);
    await contract(203, ['diabetes'], '2026-11-02');
    await uow.run(async () => {
      const schedule = await budgets.capitationSchedule(fundId, true);
      schedule.load(
        [aDiabetesRate(), aDiabetesRate({ diseaseGroup: null, annualPerResident: 12_000 as Fen })],
        0,
      );
      await budgets.saveCapitationSchedule(schedule, 'insurer', new Date());
    });

    const capitation = await sut.execute(fundId, groupId, '2026-11');

    expect(capitation.lines.map((l) => [l.diseaseGroup, l.residents, l.amount])).toEqual([
      [null, 2, 2_000],
      ['E11', 1, 62_500],
    ]);
    expect(capitation.amount).toBe(64_500);
    expect(capitation.basis).toHaveLength(2);
    expect((await sut.execute(uuidv7(), groupId, '2026-11')).amount).toBe(0);
  });
});
