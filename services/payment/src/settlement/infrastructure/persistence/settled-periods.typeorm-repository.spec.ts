import { type UnitOfWork } from '@medgrid/database';
import { SettledPeriodsTypeormRepository } from './settled-periods.typeorm-repository';

describe(SettledPeriodsTypeormRepository.name, () => {
  // Any use of the database fails the test: these dates must be answered without a query.
  const untouchable = {
    transactionalManager: () => {
      throw new Error('queried the database');
    },
  } as unknown as UnitOfWork;
  const sut = new SettledPeriodsTypeormRepository(untouchable);
  const GROUP = '0193a000-0000-7000-8000-000000000001';

  it.each(['2026-12-32', '0000-01-01', '2026-02-30', '2026-13-01', '', 'yesterday'])(
    'answers a date that is no day (%j) as not settled without a query, for the claim to refuse it (found by fuzzing)',
    async (serviceDate) => {
      await expect(sut.isSettled(GROUP, serviceDate)).resolves.toBe(false);
    },
  );

  it('answers a claim of no group as not settled', async () => {
    await expect(sut.isSettled(null, '2026-11-10')).resolves.toBe(false);
  });
});
