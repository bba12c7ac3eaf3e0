import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aDrug, aMetforminDrug } from '../../../catalogue/test/drug.factory';
import { pharmacyDataSource } from '../../../database/pharmacy-data-source';
import { FormularyTypeormRepository } from './formulary.typeorm-repository';

const at = new Date('2027-02-01T09:00:00Z');

describe(FormularyTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: FormularyTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('pharmacy_formulary', (url) => pharmacyDataSource(url, 4));
    uow = new UnitOfWork(database.dataSource);
    sut = new FormularyTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  it('stores the drugs stocked and dropped, and reads the formulary back at the level given', async () => {
    const institutionId = uuidv7();
    await uow.run(async () => {
      const formulary = await sut.load(institutionId, 'primary', true);
      formulary.stock(aDrug(), at);
      formulary.stock(aMetforminDrug(), at);
      await sut.save(formulary.pullEvents());
    });
    await uow.run(async () => {
      const formulary = await sut.load(institutionId, 'primary', true);
      formulary.unstock(aDrug().code, at);
      await sut.save(formulary.pullEvents());
    });

    expect((await sut.load(institutionId, 'primary', false)).snapshot()).toEqual({
      institutionId,
      level: 'primary',
      drugCodes: [aMetforminDrug().code],
    });
    expect((await sut.load(uuidv7(), 'secondary', false)).snapshot().drugCodes).toEqual([]);
  });

  it('keeps balances and every movement, and reads an untouched drug as none on hand', async () => {
    const institutionId = uuidv7();
    const code = aDrug().code;
    await uow.run(async () => {
      const [after, movement] = (await sut.balance(institutionId, code)).receive(10, 'delivery', at);
      await sut.saveMovement(after, movement);
    });
    await uow.run(async () => {
      const [after, movement] = (await sut.balance(institutionId, code)).issue(4, 'dispensed', at);
      await sut.saveMovement(after, movement);
    });

    expect((await sut.balance(institutionId, code)).onHand).toBe(6);
    expect((await sut.balance(institutionId, aMetforminDrug().code)).onHand).toBe(0);
    expect((await sut.balances(institutionId)).map((b) => [b.drugCode, b.onHand])).toEqual([[code, 6]]);
    const movements = await database.dataSource.query<
      { kind: string; quantity: number; on_hand_after: number }[]
    >(`SELECT kind, quantity, on_hand_after FROM stock_movement WHERE institution_id = $1 ORDER BY id`, [
      institutionId,
    ]);
    expect(movements).toEqual([
      { kind: 'received', quantity: 10, on_hand_after: 10 },
      { kind: 'issued', quantity: 4, on_hand_after: 6 },
    ]);
  });

  it('never lets stock go negative nor the movements be rewritten, whatever writes', async () => {
    await expect(
      database.dataSource.query(
        `INSERT INTO stock_balance (institution_id, drug_code, on_hand) VALUES ($1, 'X', -1)`,
        [uuidv7()],
      ),
    ).rejects.toThrow(/stock_balance_on_hand_check/);
    await expect(database.dataSource.query(`DELETE FROM stock_movement`)).rejects.toThrow(
      /never updated or deleted/,
    );
  });
});
