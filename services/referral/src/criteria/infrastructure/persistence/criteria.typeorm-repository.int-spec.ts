import { setTimeout as sleep } from 'node:timers/promises';
import { UnitOfWork } from '@medgrid/database';
import { TestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { referralDataSource } from '../../../database/referral-data-source';
import { criteriaKey } from '../../domain/criteria.repository';
import { STARTER_CRITERIA } from '../../domain/starter-catalogue';
import { CriteriaTypeormRepository } from './criteria.typeorm-repository';

const t0 = new Date('2027-03-01T01:00:00Z');
const hypertension = STARTER_CRITERIA.find((input) => criteriaKey(input).startsWith('I10'))!;
const diabetes = STARTER_CRITERIA.find((input) => criteriaKey(input).startsWith('E1'))!;

describe(CriteriaTypeormRepository.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let sut: CriteriaTypeormRepository;

  beforeAll(async () => {
    database = await TestDatabase.create('criteria_repository');
    dataSource = referralDataSource(database.url, 4);
    await dataSource.initialize();
    await dataSource.runMigrations();
    uow = new UnitOfWork(dataSource);
    sut = new CriteriaTypeormRepository(uow);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('starts empty at version 0', async () => {
    expect(await sut.version()).toBe(0);
    expect(await sut.all()).toEqual([]);
  });

  it('stores entries as they were put, in key order, and replaces one put again under its key', async () => {
    const later = new Date(t0.getTime() + 60_000);
    await sut.put(criteriaKey(hypertension), hypertension, t0);
    await sut.put(criteriaKey(diabetes), diabetes, t0);
    const renamed = { ...hypertension, nameEn: 'Hypertension (city edition)' };
    await sut.put(criteriaKey(hypertension), renamed, later);

    expect(await sut.all()).toEqual([
      { key: criteriaKey(diabetes), input: diabetes, updatedAt: t0 },
      { key: criteriaKey(hypertension), input: renamed, updatedAt: later },
    ]);
  });

  it('removes an entry by its key, and tells when there was none', async () => {
    expect(await sut.remove(criteriaKey(diabetes))).toBe(true);
    expect(await sut.remove(criteriaKey(diabetes))).toBe(false);
    expect((await sut.all()).map((stored) => stored.key)).toEqual([criteriaKey(hypertension)]);
  });

  it('bumps the version by one per edit', async () => {
    const before = await sut.version();
    await uow.run(() => sut.bumpVersion());
    await uow.run(() => sut.bumpVersion());

    expect(await sut.version()).toBe(before + 2);
  });

  it('serialises edits: a second editor waits for the first and then holds the version it left', async () => {
    const start = await sut.version();
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));

    const first = uow.run(async () => {
      order.push(`first holds ${await sut.lockCatalogue()}`);
      await held;
      await sut.bumpVersion();
    });
    await sleep(50);
    const second = uow.run(async () => {
      order.push(`second holds ${await sut.lockCatalogue()}`);
    });
    await sleep(200);
    order.push('released');
    release();
    await Promise.all([first, second]);

    expect(order).toEqual([`first holds ${start}`, 'released', `second holds ${start + 1}`]);
  });
});
