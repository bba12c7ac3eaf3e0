import { v7 as uuidv7 } from 'uuid';
import { aDrug } from '../../../catalogue/test/drug.factory';
import { SettlementLedger } from '../../domain/settlement-ledger';
import { PurchasingFixtures } from '../../test/purchasing.fixtures';
import { SettlementLedgerTypeormRepository } from './settlement-ledger.typeorm-repository';

/** SettlementLedgerTypeormRepository writes and reads back what the domain made, on the real PostgreSQL. */
describe(SettlementLedgerTypeormRepository.name, () => {
  let fixtures: PurchasingFixtures;

  beforeAll(async () => {
    fixtures = await PurchasingFixtures.create('pharmacy_settlement_ledger_repository');
  });

  afterAll(() => fixtures?.close());

  const at = new Date('2027-02-01T08:00:00.000Z');

  it('appends ledger entries and reads them back, and the database refuses to change one', async () => {
    const groupId = uuidv7();
    const sut = fixtures.ledgers;
    const ledger = SettlementLedger.empty();
    const entries = ledger.recordDelivery({
      deliveryId: 'DN-1',
      purchaseOrderId: uuidv7(),
      supplier: '配送企业甲',
      lines: [
        {
          deliveryId: 'DN-1',
          drugCode: aDrug().code,
          orderedCode: aDrug().code,
          quantity: 3,
          unitPriceFen: 196,
          listPriceFen: 1350,
        },
      ],
      receivedAt: at,
    });
    entries.push(ledger.recordPayment('配送企业甲', 100, 'PAY-1', at));

    await fixtures.uow.run(() => sut.append(groupId, entries));

    expect((await sut.load(groupId)).history()).toEqual(entries);
    await expect(
      fixtures.database.dataSource.query(
        `UPDATE supplier_ledger_entry SET amount_fen = 0 WHERE group_id = $1`,
        [groupId],
      ),
    ).rejects.toThrow(/never updated or deleted/);
  });
});
