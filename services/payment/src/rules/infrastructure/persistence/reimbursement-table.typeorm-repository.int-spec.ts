import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { paymentDataSource } from '../../../database/payment-data-source';
import { type BasisPoints } from '../../../common/domain/share';
import { type ReimbursementTable } from '../../domain/reimbursement-table';
import { RuleErrorCode } from '../../domain/rule-error';
import { starterReimbursementRules } from '../../domain/starter/starter-reimbursement-rules';
import { aRule } from '../../test/reimbursement-rule.factory';
import { ReimbursementTableTypeormRepository } from './reimbursement-table.typeorm-repository';

const editor = { subject: 'insurer-1', role: 'city-operator' };
const firstLoad = new Date('2026-01-01T02:00:00Z');
const secondLoad = new Date('2026-12-05T02:00:00Z');

describe(ReimbursementTableTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: ReimbursementTableTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_reimbursement_table', (url) =>
      paymentDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new ReimbursementTableTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  const change = (regionId: string, act: (t: ReimbursementTable) => void) =>
    uow.run(async () => {
      const table = await sut.load(regionId, true);
      const read = table.version;
      act(table);
      await sut.save(table, read, editor);
    });

  it('stores the starter table as a first version and reads every row back', async () => {
    const regionId = uuidv7();
    const starter = starterReimbursementRules('2026-01-01');
    await change(regionId, (t) => t.load(starter, 0, firstLoad));

    const table = await sut.load(regionId, false);
    expect(table.version).toBe(1);
    expect(table.snapshot().rules).toEqual(starter);
    expect(table.snapshot().loadedAt).toEqual(firstLoad);
  });

  it('keeps every version: the table in force at an instant is the version loaded by then', async () => {
    const regionId = uuidv7();
    await change(regionId, (t) => t.load([aRule()], 0, firstLoad));
    await change(regionId, (t) =>
      t.load(
        [aRule({ until: '2027-01-01' }), aRule({ from: '2027-01-01', rateBp: 5500 as BasisPoints })],
        1,
        secondLoad,
      ),
    );

    expect((await sut.versionAt(regionId, new Date('2026-06-01T00:00:00Z'))).version).toBe(1);
    expect((await sut.versionAt(regionId, secondLoad)).version).toBe(2);
    expect((await sut.versionAt(regionId, new Date('2025-06-01T00:00:00Z'))).version).toBe(0);
    expect((await sut.version(regionId, 1))?.snapshot().rules).toEqual([aRule()]);
    expect((await sut.load(regionId, false)).snapshot().rules).toHaveLength(2);
  });

  it('refuses a write from a version read before another load', async () => {
    const regionId = uuidv7();
    await change(regionId, (t) => t.load([aRule()], 0, firstLoad));
    const stale = await sut.load(regionId, false);
    await change(regionId, (t) => t.load([aRule({ until: '2027-01-01' })], 1, secondLoad));

    stale.load([aRule({ until: '2028-01-01' })], 1, secondLoad);
    await expect(uow.run(() => sut.save(stale, 1, editor))).rejects.toMatchObject({
      code: RuleErrorCode.StaleTableVersion,
    });
  });

  it('never lets a version be rewritten', async () => {
    await expect(database.dataSource.query(`DELETE FROM reimbursement_table_version`)).rejects.toThrow(
      /never updated or deleted/,
    );
  });
});
