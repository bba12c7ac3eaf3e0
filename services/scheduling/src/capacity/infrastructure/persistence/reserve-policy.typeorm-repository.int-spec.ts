import { type UnitOfWork } from '@medgrid/database';
import { lockOrder } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { SchedulingTestDatabase } from '../../../test/scheduling-test-database';
import { ReservePolicy, type ReservePolicySnapshot } from '../../domain/reserve-policy';
import { ratio } from '../../domain/reserve-ratio';
import { ReservePolicyTypeormRepository } from './reserve-policy.typeorm-repository';

const NOW = new Date('2027-02-27T00:00:00Z');
const HOUR = 3_600_000;

describe(ReservePolicyTypeormRepository.name, () => {
  let db: SchedulingTestDatabase;
  let uow: UnitOfWork;
  let sut: ReservePolicyTypeormRepository;

  beforeAll(async () => {
    db = await SchedulingTestDatabase.create('reserve_policy_repository', 4);
    uow = db.uow;
    sut = new ReservePolicyTypeormRepository(uow);
  });

  afterAll(async () => {
    await db?.close();
  });

  const rules = { slotFloor: ratio(1, 3), bedFloor: ratio(1, 4), releaseLeadHours: 48 };
  const aPolicy = (institutionId: string, slot = ratio(2, 5)): ReservePolicySnapshot => {
    const policy = ReservePolicy.cityDefault(institutionId, uuidv7(), rules);
    policy.change(
      {
        slotRatio: slot,
        bedRatio: ratio(1, 5),
        releaseLeadHours: 24,
        overrideReason: '病区改造',
        actorMayOverride: true,
        actor: 'operator-1',
      },
      rules,
      NOW,
    );
    return policy.snapshot();
  };

  it('finds no policy for a hospital that set none', async () => {
    expect(await sut.findPolicy(uuidv7(), false)).toBeNull();
  });

  it('stores a policy, reads back every field, and stores its next version over it', async () => {
    const first = aPolicy(uuidv7());
    await uow.run(() => sut.savePolicy(first));
    expect(await sut.findPolicy(first.institutionId, false)).toEqual(first);

    const next = ReservePolicy.restore(first);
    next.change(
      {
        slotRatio: ratio(1, 2),
        bedRatio: ratio(1, 3),
        releaseLeadHours: 0,
        overrideReason: '',
        actorMayOverride: false,
        actor: 'hospital-1',
      },
      rules,
      new Date(NOW.getTime() + HOUR),
    );
    await uow.run(() => sut.savePolicy(next.snapshot()));

    expect(await sut.findPolicy(first.institutionId, false)).toEqual(next.snapshot());
    expect(next.snapshot()).toMatchObject({ version: 2, slotOverride: false, bedOverride: false });
  });

  it('refuses to store the city default, which no one set', async () => {
    const policy = ReservePolicy.cityDefault(uuidv7(), uuidv7(), rules);

    await expect(uow.run(() => sut.savePolicy(policy.snapshot()))).rejects.toThrow(/never set/);
  });

  it('makes a second locking read of a policy wait until the first transaction ends', async () => {
    const policy = aPolicy(uuidv7());
    await uow.run(() => sut.savePolicy(policy));

    const order = await lockOrder(
      (letGo, locked) =>
        uow.run(async () => {
          await sut.findPolicy(policy.institutionId, true);
          locked();
          await letGo;
        }),
      () => uow.run(() => sut.findPolicy(policy.institutionId, true)),
    );

    expect(order).toEqual(['released', 'holder done', 'waiter done']);
  });
});
