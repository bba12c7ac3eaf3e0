import { setTimeout as sleep } from 'node:timers/promises';
import { type UnitOfWork } from '@medgrid/database';
import { v7 as uuidv7 } from 'uuid';
import { SchedulingTestDatabase } from '../../../test/scheduling-test-database';
import { type CityFloorVersion } from '../../domain/city-reserve-floor';
import { CityReserveFloorTypeormRepository } from './city-reserve-floor.typeorm-repository';

const t0 = new Date('2027-03-01T01:00:00Z');

function aVersion(
  cityId: string,
  version: number,
  overrides: Partial<CityFloorVersion> = {},
): CityFloorVersion {
  return {
    cityId,
    version,
    slotFloor: { numerator: 1, denominator: 3 + version },
    bedFloor: { numerator: 1, denominator: 4 },
    effectiveFrom: `2027-03-0${version}`,
    reason: `专科号源 version ${version}`,
    setBy: 'operator-1',
    setByRole: 'city-operator',
    setAt: new Date(t0.getTime() + version * 60_000),
    ...overrides,
  };
}

describe(CityReserveFloorTypeormRepository.name, () => {
  let db: SchedulingTestDatabase;
  let uow: UnitOfWork;
  let sut: CityReserveFloorTypeormRepository;

  beforeAll(async () => {
    db = await SchedulingTestDatabase.create('city_reserve_floor_repository', 4);
    uow = db.uow;
    sut = new CityReserveFloorTypeormRepository(uow);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('loads a city that set no floor with no versions', async () => {
    const floor = await sut.load(uuidv7(), false);

    expect(floor.history()).toEqual([]);
  });

  it('stores versions and loads back every field, in version order', async () => {
    const cityId = uuidv7();
    const second = aVersion(cityId, 2, { slotFloor: { numerator: 1, denominator: 5 } });
    const first = aVersion(cityId, 1);

    await uow.run(() => sut.insert(second));
    await uow.run(() => sut.insert(first));
    await uow.run(() => sut.insert(aVersion(uuidv7(), 1)));

    const floor = await sut.load(cityId, false);
    expect(floor.history()).toEqual([second, first]);
    expect(floor.inForceOn('2027-03-02')).toEqual(second);
  });

  it('refuses a second row for a version a city already has', async () => {
    const cityId = uuidv7();
    await uow.run(() => sut.insert(aVersion(cityId, 1)));

    await expect(uow.run(() => sut.insert(aVersion(cityId, 1, { reason: 'again' })))).rejects.toThrow(
      /city_reserve_floor_pkey/,
    );
  });

  it('makes a second change of one city wait until the first has committed, then see its version', async () => {
    const cityId = uuidv7();
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));

    const first = uow.run(async () => {
      await sut.load(cityId, true);
      order.push('first loaded');
      await held;
      await sut.insert(aVersion(cityId, 1));
      order.push('first wrote');
    });
    await sleep(50);
    const second = uow.run(async () => {
      const floor = await sut.load(cityId, true);
      order.push(`second loaded ${floor.history().length} version(s)`);
    });
    const otherCity = uow.run(async () => {
      await sut.load(uuidv7(), true);
      order.push('other city loaded');
    });
    await otherCity;
    await sleep(200);
    order.push('released');
    release();
    await Promise.all([first, second]);

    expect(order).toEqual([
      'first loaded',
      'other city loaded',
      'released',
      'first wrote',
      'second loaded 1 version(s)',
    ]);
  });

  it('locks only inside a transaction', async () => {
    await expect(sut.load(uuidv7(), true)).rejects.toThrow(/inside UnitOfWork.run/);
  });
});
