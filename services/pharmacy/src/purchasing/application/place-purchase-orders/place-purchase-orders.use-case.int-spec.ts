import { PurchaseOrderPlacedEvent } from '@medgrid/contracts';
import { v7 as uuidv7 } from 'uuid';
import { aDrug } from '../../../catalogue/test/drug.factory';
import { PurchasingErrorCode } from '../../domain/purchasing-error';
import { atorvastatin } from '../../test/purchasing.factory';
import { PurchasingFixtures } from '../../test/purchasing.fixtures';
import { GetPurchaseOrderQuery } from '../get-purchase-order/get-purchase-order.query';
import { GetRequisitionQuery } from '../get-requisition/get-requisition.query';
import { PlacePurchaseOrdersCommand } from './place-purchase-orders.command';
import { PlacePurchaseOrdersUseCase } from './place-purchase-orders.use-case';

/** The centre aggregates its group's open requisitions into purchase orders per supplier, through the real store. */
describe(PlacePurchaseOrdersUseCase.name, () => {
  let fixtures: PurchasingFixtures;
  let sut: PlacePurchaseOrdersUseCase;

  beforeAll(async () => {
    fixtures = await PurchasingFixtures.create('pharmacy_place_purchase_orders');
    sut = fixtures.placePurchaseOrders;
  });

  afterAll(() => fixtures?.close());

  it('places one order per supplier at the bid prices in fen, marks the requisitions ordered and announces each order', async () => {
    const { centre, clinic1, clinic2 } = await fixtures.aGroup();
    const first = await fixtures.requisition(clinic1, [
      { drugCode: aDrug().code, quantity: 10 },
      { drugCode: atorvastatin.code, quantity: 4 },
    ]);
    const second = await fixtures.requisition(clinic2, [{ drugCode: aDrug().code, quantity: 6 }]);
    const command = PlacePurchaseOrdersCommand.create({ clientRequestId: uuidv7() });

    const placed = await sut.execute(centre, command);
    const retried = await sut.execute(centre, command);

    // By supplier, as the catalogue spells them (乙 before 甲 by code point).
    expect(placed.orders.map((o) => o.snapshot())).toEqual([
      expect.objectContaining({
        supplier: '配送企业乙',
        lines: [expect.objectContaining({ drugCode: atorvastatin.code, quantity: 4, unitPriceFen: 186 })],
      }),
      expect.objectContaining({
        supplier: '配送企业甲',
        status: 'open',
        lines: [
          expect.objectContaining({
            drugCode: aDrug().code,
            quantity: 16,
            unitPriceFen: 196,
            listPriceFen: 1350,
            sources: [
              expect.objectContaining({ requisitionId: first.id, quantity: 10 }),
              expect.objectContaining({ requisitionId: second.id, quantity: 6 }),
            ],
          }),
        ],
      }),
    ]);
    expect(retried.orders.map((o) => o.id)).toEqual(placed.orders.map((o) => o.id));
    const firstNow = await fixtures.getRequisition.execute(
      clinic1,
      GetRequisitionQuery.create({ requisitionId: first.id }),
    );
    expect(firstNow.snapshot()).toMatchObject({
      status: 'ordered',
      purchaseOrderIds: placed.orders.map((o) => o.id),
    });
    const read = await fixtures.getPurchaseOrder.execute(
      centre,
      GetPurchaseOrderQuery.create({ purchaseOrderId: placed.orders[1]!.id }),
    );
    expect(read.snapshot()).toEqual(placed.orders[1]!.snapshot());
    const events = await fixtures.outbox(
      PurchaseOrderPlacedEvent.type,
      placed.orders.map((o) => o.id),
    );
    expect(events).toEqual(
      placed.orders.map((o) => ({ topic: 'medgrid.pharmacy.purchasing.v1', message_key: o.id })),
    );
  });

  it('places nothing when no requisition is open, and refuses a clinic and another group', async () => {
    const { centre, clinic1 } = await fixtures.aGroup();
    const other = await fixtures.anOrderedGroup();

    const placed = await sut.execute(
      centre,
      PlacePurchaseOrdersCommand.create({ clientRequestId: uuidv7() }),
    );

    expect(placed.orders).toEqual([]);
    await expect(
      sut.execute(clinic1, PlacePurchaseOrdersCommand.create({ clientRequestId: uuidv7() })),
    ).rejects.toMatchObject({ code: PurchasingErrorCode.Forbidden });
    await expect(
      fixtures.getPurchaseOrder.execute(
        centre,
        GetPurchaseOrderQuery.create({ purchaseOrderId: other.jia.id }),
      ),
    ).rejects.toMatchObject({ code: PurchasingErrorCode.NotFound });
  });
});
