import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { monthPeriod } from '../../../common/domain/effective-period';
import { type Fen } from '../../../common/domain/money';
import { paymentDataSource } from '../../../database/payment-data-source';
import { now } from '../../../enrolment/test/enrolment.factory';
import { aDiabetesRate, aGlobalBudget } from '../../test/budget.factory';
import { BudgetTypeormRepository } from './budget.typeorm-repository';

describe(BudgetTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: BudgetTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_budgets', (url) => paymentDataSource(url, 2));
    uow = new UnitOfWork(database.dataSource);
    sut = new BudgetTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  it('keeps every version of a fund’s schedule and reads the newest, an empty one before the first', async () => {
    const fundId = uuidv7();
    expect((await sut.capitationSchedule(fundId, false)).version).toBe(0);

    for (const annual of [750_000, 720_000]) {
      await uow.run(async () => {
        const schedule = await sut.capitationSchedule(fundId, true);
        schedule.load(
          [aDiabetesRate({ annualPerResident: annual as Fen }), aDiabetesRate({ diseaseGroup: null })],
          schedule.version,
        );
        await sut.saveCapitationSchedule(schedule, 'insurer', now);
      });
    }

    const newest = await sut.capitationSchedule(fundId, false);
    expect(newest.version).toBe(2);
    expect(newest.rateOn('E11', '2026-11-01').annualPerResident).toBe(720_000);
    expect(newest.rateOn(null, '2026-11-01').diseaseGroup).toBeNull();
    const rows = await database.dataSource.query<{ version: number }[]>(
      `SELECT version FROM capitation_schedule_version WHERE fund_id = $1 ORDER BY version`,
      [fundId],
    );
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    await expect(
      database.dataSource.query(`DELETE FROM capitation_schedule_version WHERE fund_id = $1`, [fundId]),
    ).rejects.toThrow(/never updated or deleted/);
  });

  it('keeps one global budget per group and month, a new one replacing it', async () => {
    const groupId = uuidv7();
    await uow.run(() => sut.saveGlobalBudget(aGlobalBudget({ groupId }), now));
    await uow.run(() => sut.saveGlobalBudget(aGlobalBudget({ groupId, amount: 5_000 as Fen }), now));
    await uow.run(() =>
      sut.saveGlobalBudget(aGlobalBudget({ groupId, period: monthPeriod('2026-12') }), now),
    );

    expect((await sut.globalBudgetFor(groupId, monthPeriod('2026-11')))?.amount).toBe(5_000);
    expect(await sut.globalBudgetFor(groupId, monthPeriod('2027-01'))).toBeNull();
    expect((await sut.globalBudgets(groupId, false)).map((b) => b.period.from)).toEqual([
      '2026-11-01',
      '2026-12-01',
    ]);
  });
});
