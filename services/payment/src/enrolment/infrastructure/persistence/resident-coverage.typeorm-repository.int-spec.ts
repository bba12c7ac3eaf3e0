import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { paymentDataSource } from '../../../database/payment-data-source';
import { appliedRoll } from '../../domain/enrolment-roll';
import { aResidentId, now } from '../../test/enrolment.factory';
import { ResidentCoverageTypeormRepository } from './resident-coverage.typeorm-repository';

const loader = { subject: 'insurer-1', role: 'city-operator' };

describe(ResidentCoverageTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: ResidentCoverageTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_resident_coverage', (url) =>
      paymentDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new ResidentCoverageTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  const load = (rows: Parameters<typeof appliedRoll>[1]) =>
    uow.run(async () => {
      await sut.lockRolls();
      const current = await sut.findMany(rows.map((row) => row.residentId));
      const { changed, report } = appliedRoll(current, rows, now);
      const id = uuidv7();
      await sut.saveRoll({ id, residentCount: changed.size, report, loadedBy: loader, loadedAt: now }, [
        ...changed.values(),
      ]);
      return id;
    });

  it('stores a roll, then reads each resident’s spells and the roll’s report back', async () => {
    const [first, second] = [aResidentId(101), aResidentId(102)];
    const loadId = await load([
      { residentId: first, scheme: 'urban-rural-resident', from: '2025-01-01', until: null },
      { residentId: second, scheme: 'urban-employee', from: '2026-01-01', until: '2027-01-01' },
    ]);

    expect((await sut.find(first))?.snapshot().spells).toEqual([
      { scheme: 'urban-rural-resident', from: '2025-01-01', until: null },
    ]);
    expect([...(await sut.findMany([first, second, aResidentId(103)])).keys()].sort()).toEqual(
      [first, second].sort(),
    );
    expect(await sut.find(aResidentId(103))).toBeNull();
    expect(await sut.findLoad(loadId)).toEqual({
      id: loadId,
      residentCount: 2,
      report: [
        { index: 0, residentId: first, endedSpellFrom: null },
        { index: 1, residentId: second, endedSpellFrom: null },
      ],
      loadedBy: loader,
      loadedAt: now,
    });
  });

  it('brings a resident up to date by a later roll, the open spell ended the day the new one starts', async () => {
    const resident = aResidentId(104);
    await load([{ residentId: resident, scheme: 'urban-rural-resident', from: '2025-01-01', until: null }]);
    await load([{ residentId: resident, scheme: 'urban-employee', from: '2026-07-01', until: null }]);

    const coverage = await sut.find(resident);
    expect(coverage?.snapshot().spells).toEqual([
      { scheme: 'urban-rural-resident', from: '2025-01-01', until: '2026-07-01' },
      { scheme: 'urban-employee', from: '2026-07-01', until: null },
    ]);
    expect(coverage?.schemeOn('2026-06-30', 'd')).toBe('urban-rural-resident');
  });

  it('writes nothing of a roll refused in its transaction', async () => {
    const resident = aResidentId(105);
    await load([{ residentId: resident, scheme: 'urban-rural-resident', from: '2026-03-01', until: null }]);

    await expect(
      load([
        { residentId: aResidentId(106), scheme: 'urban-employee', from: '2026-01-01', until: null },
        { residentId: resident, scheme: 'urban-employee', from: '2026-02-01', until: null },
      ]),
    ).rejects.toMatchObject({ code: 'COVERAGE_OUT_OF_ORDER' });
    expect(await sut.find(aResidentId(106))).toBeNull();
  });
});
