import { v7 as uuidv7 } from 'uuid';
import { aDrug } from '../../../catalogue/test/drug.factory';
import { PurchaseOrder } from '../../domain/purchase-order';
import { PurchasingFixtures } from '../../test/purchasing.fixtures';
import { PurchaseOrderTypeormRepository } from './purchase-order.typeorm-repository';

/** PurchaseOrderTypeormRepository writes and reads back what the domain made, on the real PostgreSQL. */
describe(PurchaseOrderTypeormRepository.name, () => {
  let fixtures: PurchasingFixtures;

  beforeAll(async () => {
    fixtures = await PurchasingFixtures.create('pharmacy_purchase_order_repository');
  });

  afterAll(() => fixtures?.close());

  const at = new Date('2027-02-01T08:00:00.000Z');

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
});
