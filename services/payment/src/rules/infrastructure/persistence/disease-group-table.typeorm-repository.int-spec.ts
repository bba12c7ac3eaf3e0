import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type BasisPoints } from '../../../common/domain/share';
import { paymentDataSource } from '../../../database/payment-data-source';
import { starterDiseaseGroups } from '../../domain/starter/starter-disease-groups';
import { DiseaseGroupTableTypeormRepository } from './disease-group-table.typeorm-repository';

const factors = { primary: 8000, secondary: 9000, tertiary: 10_000 } as Record<
  'primary' | 'secondary' | 'tertiary',
  BasisPoints
>;

describe(DiseaseGroupTableTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: DiseaseGroupTableTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_disease_groups', (url) =>
      paymentDataSource(url, 2),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new DiseaseGroupTableTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  it('keeps every version of a fund’s table, reads the newest, and answers the groups in force on a date', async () => {
    const fundId = uuidv7();
    expect((await sut.table(fundId, false)).version).toBe(0);
    expect((await sut.tableOn(fundId, '2027-01-01')).weighCase('E11', 'primary', '2027-01-01')).toMatchObject(
      {
        method: 'fee-for-service',
      },
    );

    const starter = starterDiseaseGroups('2026-01-01');
    const versions = [
      starter,
      [
        ...starter.filter((g) => g.code !== 'E11'),
        { ...starter.find((g) => g.code === 'E11')!, until: '2026-12-31' },
        { ...starter.find((g) => g.code === 'E11')!, from: '2027-01-01', points: 130 },
      ],
    ];
    for (const groups of versions) {
      await uow.run(async () => {
        const table = await sut.table(fundId, true);
        table.load(groups, factors, table.version);
        await sut.save(table, 'insurer', new Date('2026-12-05T08:00:00Z'));
      });
    }

    const newest = await sut.table(fundId, false);
    expect(newest.version).toBe(2);
    expect(newest.snapshot().levelFactorBp).toEqual(factors);
    expect((await sut.tableOn(fundId, '2026-12-15')).groupOn('E11', '2026-12-15', 'g').points).toBe(120);
    const january = await sut.tableOn(fundId, '2027-01-01');
    expect(
      january
        .snapshot()
        .groups.filter((g) => g.code === 'E11')
        .map((g) => g.points),
    ).toEqual([130]);
    expect(january.weighCase('I63', 'secondary', '2027-01-01')).toEqual({
      method: 'points',
      weight: 10_800_000n,
    });
  });

  it('never rewrites or deletes a version', async () => {
    const fundId = uuidv7();
    await uow.run(async () => {
      const table = await sut.table(fundId, true);
      table.load(starterDiseaseGroups('2026-01-01'), factors, 0);
      await sut.save(table, 'insurer', new Date());
    });

    await expect(
      database.dataSource.query(`DELETE FROM disease_group_table_version WHERE fund_id = $1`, [fundId]),
    ).rejects.toThrow(/never updated or deleted/);
  });
});
