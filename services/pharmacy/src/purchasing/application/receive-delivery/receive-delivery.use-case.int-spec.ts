import { aDrug, aMetforminDrug } from '../../../catalogue/test/drug.factory';
import { PurchasingErrorCode } from '../../domain/purchasing-error';
import { atorvastatin, atorvastatinOtherMaker } from '../../test/purchasing.factory';
import { PurchasingFixtures } from '../../test/purchasing.fixtures';
import { GetPurchaseOrderQuery } from '../get-purchase-order/get-purchase-order.query';
import { GetSupplierLedgerQuery } from '../get-supplier-ledger/get-supplier-ledger.query';
import { ReceiveDeliveryUseCase } from './receive-delivery.use-case';

/** The centre receives delivery notes against its purchase orders, owed on the ledger, through the real store. */
describe(ReceiveDeliveryUseCase.name, () => {
  let fixtures: PurchasingFixtures;

  beforeAll(async () => {
    fixtures = await PurchasingFixtures.create('pharmacy_receive_delivery');
  });

  afterAll(() => fixtures?.close());

  const ledgerOf = async (
    centre: Parameters<PurchasingFixtures['getSupplierLedger']['execute']>[0],
    supplier: string,
  ) => fixtures.getSupplierLedger.execute(centre, GetSupplierLedgerQuery.create({ supplier }));

  it('receives a delivery and a substitute against the ordered line, owed at the bid price on the ledger', async () => {
    const { centre, jia, yi } = await fixtures.anOrderedGroup();

    const received = await fixtures.deliver(
      centre,
      jia.id,
      [{ drugCode: aDrug().code, quantity: 12 }],
      'DN-1',
    );
    const substituted = await fixtures.deliver(
      centre,
      yi.id,
      [{ drugCode: atorvastatinOtherMaker.code, quantity: 4, substituteFor: atorvastatin.code }],
      'DN-2',
    );

    expect(received.owedFen).toBe(12 * 196);
    expect(substituted.order.lines[0]!.receipts).toEqual([
      expect.objectContaining({ drugCode: atorvastatinOtherMaker.code, quantity: 4, unitPriceFen: 186 }),
    ]);
    const ledger = await ledgerOf(centre, '配送企业甲');
    expect(ledger.balanceFen).toBe(2352);
    expect(ledger.entries).toEqual([
      expect.objectContaining({ kind: 'delivered', reference: 'DN-1', quantity: 12, amountFen: 2352 }),
    ]);
  });

  it('refuses a delivery larger than ordered, a drug not on the order and a note received twice, changing nothing', async () => {
    const { centre, jia } = await fixtures.anOrderedGroup();
    await fixtures.deliver(centre, jia.id, [{ drugCode: aDrug().code, quantity: 10 }], 'DN-A');

    await expect(
      fixtures.deliver(centre, jia.id, [{ drugCode: aDrug().code, quantity: 7 }], 'DN-B'),
    ).rejects.toMatchObject({
      category: 'invalid-argument',
      violations: [
        expect.objectContaining({
          field: 'lines[0].quantity',
          reason: PurchasingErrorCode.DeliveryExceedsOrder,
          description: '7 packs would make 17 of 16 ordered',
        }),
      ],
    });
    await expect(
      fixtures.deliver(centre, jia.id, [{ drugCode: aMetforminDrug().code, quantity: 1 }], 'DN-C'),
    ).rejects.toMatchObject({
      violations: [
        expect.objectContaining({ field: 'lines[0].drugCode', reason: PurchasingErrorCode.NotOnOrder }),
      ],
    });
    await expect(
      fixtures.deliver(centre, jia.id, [{ drugCode: aDrug().code, quantity: 1 }], 'DN-A'),
    ).rejects.toMatchObject({ code: PurchasingErrorCode.DuplicateDelivery });

    const order = await fixtures.getPurchaseOrder.execute(
      centre,
      GetPurchaseOrderQuery.create({ purchaseOrderId: jia.id }),
    );
    expect(order.delivered(aDrug().code)).toBe(10);
    expect((await ledgerOf(centre, '配送企业甲')).balanceFen).toBe(1960);
  });

  it.each([-3, 2.5, 0])(
    'refuses a delivery line of %s packs naming its quantity, with nothing received nor owed',
    async (quantity) => {
      const { centre, jia } = await fixtures.anOrderedGroup();

      await expect(
        fixtures.deliver(centre, jia.id, [{ drugCode: aDrug().code, quantity }]),
      ).rejects.toMatchObject({
        category: 'invalid-argument',
        violations: [expect.objectContaining({ field: 'lines[0].quantity' })],
      });
      const order = await fixtures.getPurchaseOrder.execute(
        centre,
        GetPurchaseOrderQuery.create({ purchaseOrderId: jia.id }),
      );
      expect(order.delivered(aDrug().code)).toBe(0);
      expect((await ledgerOf(centre, '配送企业甲')).entries).toEqual([]);
    },
  );
});
