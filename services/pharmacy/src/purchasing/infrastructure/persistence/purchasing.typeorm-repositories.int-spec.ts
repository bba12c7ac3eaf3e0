import { v7 as uuidv7 } from 'uuid';
import { aDrug } from '../../../catalogue/test/drug.factory';
import { PurchaseOrder } from '../../domain/purchase-order';
import { Requisition } from '../../domain/requisition';
import { SettlementLedger } from '../../domain/settlement-ledger';
import { PurchasingFixtures } from '../../test/purchasing.fixtures';
import { PurchaseOrderTypeormRepository } from './purchase-order.typeorm-repository';
import { RequisitionTypeormRepository } from './requisition.typeorm-repository';
import { SettlementLedgerTypeormRepository } from './settlement-ledger.typeorm-repository';

/** Purchasing's repositories write and read back what the domain made, on the real PostgreSQL. */
describe(`${RequisitionTypeormRepository.name}, ${PurchaseOrderTypeormRepository.name}, ${SettlementLedgerTypeormRepository.name}`, () => {
  let fixtures: PurchasingFixtures;

  beforeAll(async () => {
    fixtures = await PurchasingFixtures.create('pharmacy_purchasing_repositories');
  });

  afterAll(() => fixtures?.close());

  const at = new Date('2027-02-01T08:00:00.000Z');
  const requisition = (institutionId: string) =>
    Requisition.restore({
      id: uuidv7(),
      institutionId,
      lines: [{ drugCode: aDrug().code, quantity: 5 }],
      status: 'open',
      purchaseOrderIds: [],
      raisedAt: at,
    });

  it('stores a requisition, lists the open ones oldest first and reads it back as ordered', async () => {
    const groupId = uuidv7();
    const institutionId = uuidv7();
    const sut = fixtures.requisitions;
    const stored = requisition(institutionId);

    await fixtures.uow.run(() => sut.add(groupId, stored));
    stored.markOrdered([uuidv7()]);
    await fixtures.uow.run(() => sut.update(stored));

    expect((await sut.get(stored.id))?.requisition.snapshot()).toEqual(stored.snapshot());
    expect(await sut.open(groupId)).toEqual([]);
    expect((await sut.list(groupId, institutionId, 'ordered', 10)).map((r) => r.id)).toEqual([stored.id]);
  });

  it('stores an order with its sources and receipts, its delivery and its distribution', async () => {
    const groupId = uuidv7();
    const sut = fixtures.orders;
    const order = PurchaseOrder.place(
      uuidv7(),
      '配送企业甲',
      [
        {
          drugCode: aDrug().code,
          quantity: 5,
          unitPriceFen: 196,
          listPriceFen: 1350,
          sources: [{ requisitionId: uuidv7(), institutionId: uuidv7(), quantity: 5, raisedAt: at }],
          receipts: [],
        },
      ],
      at,
    );
    const placementId = uuidv7();
    await fixtures.uow.run(() => sut.add(groupId, placementId, [order]));
    const catalogue = { drugAt: () => aDrug() };
    const delivery = order.receive(
      { deliveryId: 'DN-1', lines: [{ drugCode: aDrug().code, quantity: 3 }] },
      catalogue,
      at,
    );
    const shortages = order.close(at);

    await fixtures.uow.run(async () => {
      await sut.update(order);
      await sut.addDelivery(groupId, delivery);
      await sut.addDistribution(groupId, {
        purchaseOrderId: order.id,
        supplier: order.supplier,
        allocations: [],
        shortfalls: [],
        shortages,
        distributedAt: at,
      });
    });

    expect((await sut.get(order.id))?.order.snapshot()).toEqual(order.snapshot());
    expect((await sut.placedBy(placementId)).map((o) => o.id)).toEqual([order.id]);
    expect(await sut.deliveries(groupId, at, new Date(at.getTime() + 1))).toEqual([delivery]);
    expect(await sut.deliveries(groupId, new Date(at.getTime() + 1), new Date(at.getTime() + 2))).toEqual([]);
    expect((await sut.distribution(order.id))?.shortages).toEqual([
      expect.objectContaining({ ordered: 5, delivered: 3 }),
    ]);
  });

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
