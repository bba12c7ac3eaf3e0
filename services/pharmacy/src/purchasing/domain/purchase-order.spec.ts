import { aDrug, aMetforminDrug } from '../../catalogue/test/drug.factory';
import { refusal } from '../../test/refusal';
import {
  aPurchasingCatalogue,
  aRequisition,
  atorvastatin,
  atorvastatinOtherMaker,
  CLINIC_2,
} from '../test/purchasing.factory';
import { aggregateRequisitions, PurchaseOrder } from './purchase-order';
import { PurchasingErrorCode } from './purchasing-error';

const at = new Date('2027-02-03T08:00:00Z');
const later = new Date('2027-02-05T08:00:00Z');

function ids() {
  let n = 0;
  return () => `po-${++n}`;
}

/** Two clinics' requisitions aggregated: supplier 甲 (amlodipine 30, metformin 5), supplier 乙 (atorvastatin 12). */
function anAggregation() {
  const first = aRequisition('req-1', [
    { drugCode: aDrug().code, quantity: 20 },
    { drugCode: atorvastatin.code, quantity: 10 },
  ]);
  const second = aRequisition(
    'req-2',
    [
      { drugCode: aDrug().code, quantity: 10 },
      { drugCode: aMetforminDrug().code, quantity: 5 },
      { drugCode: atorvastatin.code, quantity: 2 },
    ],
    CLINIC_2,
    new Date('2027-02-02T08:00:00Z'),
  );
  return { first, second, ...aggregateRequisitions([second, first], aPurchasingCatalogue(), at, ids()) };
}

describe(aggregateRequisitions.name, () => {
  it('makes one order per supplier, one line per drug with the packs summed and every requisition it buys for', () => {
    const { orders, unorderable, first, second } = anAggregation();

    expect(orders.map((o) => [o.id, o.supplier])).toEqual([
      ['po-1', '配送企业乙'],
      ['po-2', '配送企业甲'],
    ]);
    expect(orders[1]?.lines.map((l) => [l.drugCode, l.quantity, l.unitPriceFen, l.listPriceFen])).toEqual([
      [aMetforminDrug().code, 5, 250, 1200],
      [aDrug().code, 30, 196, 1350],
    ]);
    expect(orders[1]?.lines[1]?.sources.map((s) => [s.requisitionId, s.quantity])).toEqual([
      ['req-1', 20],
      ['req-2', 10],
    ]);
    expect(unorderable).toEqual([]);
    expect(first.snapshot()).toMatchObject({ status: 'ordered', purchaseOrderIds: ['po-1', 'po-2'] });
    expect(second.snapshot()).toMatchObject({ status: 'ordered', purchaseOrderIds: ['po-1', 'po-2'] });
  });

  it('leaves out requisitions that are not open, and lines whose drug left the catalogue', () => {
    const catalogue = aPurchasingCatalogue();
    const cancelled = aRequisition('req-1', [{ drugCode: aDrug().code, quantity: 1 }]);
    cancelled.cancel();
    const open = aRequisition('req-2', [
      { drugCode: aDrug().code, quantity: 3 },
      { drugCode: aMetforminDrug().code, quantity: 4 },
    ]);
    catalogue.withdraw(aMetforminDrug().code, at, 1, at);

    const { orders, unorderable } = aggregateRequisitions([cancelled, open], catalogue, at, ids());

    expect(orders.flatMap((o) => o.lines.map((l) => [l.drugCode, l.quantity]))).toEqual([[aDrug().code, 3]]);
    expect(unorderable).toEqual([{ requisitionId: 'req-2', drugCode: aMetforminDrug().code }]);
  });

  it('prices each line as the catalogue stands when the order is placed', () => {
    const catalogue = aPurchasingCatalogue();
    const requisition = aRequisition('req-1', [{ drugCode: aDrug().code, quantity: 3 }]);
    catalogue.put(aDrug({ bidPriceFen: 180, unifiedPriceFen: 180 }), later, 1, at);

    expect(aggregateRequisitions([requisition], catalogue, at, ids()).orders[0]?.lines[0]?.unitPriceFen).toBe(
      196,
    );
  });
});

describe(PurchaseOrder.name, () => {
  const supplierOne = () => anAggregation().orders[1]!;

  it('receives a delivery at the centre and answers it priced at the order', () => {
    const sut = supplierOne();

    const delivery = sut.receive(
      { deliveryId: 'dn-1', lines: [{ drugCode: aDrug().code, quantity: 25 }] },
      aPurchasingCatalogue(),
      later,
    );

    expect(delivery).toEqual({
      deliveryId: 'dn-1',
      purchaseOrderId: 'po-2',
      supplier: '配送企业甲',
      lines: [
        {
          deliveryId: 'dn-1',
          drugCode: aDrug().code,
          orderedCode: aDrug().code,
          quantity: 25,
          unitPriceFen: 196,
          listPriceFen: 1350,
        },
      ],
      receivedAt: later,
    });
    expect(sut.delivered(aDrug().code)).toBe(25);
  });

  it('refuses a delivery larger than ordered, whole, naming the line, with nothing received', () => {
    const sut = supplierOne();
    sut.receive(
      { deliveryId: 'dn-1', lines: [{ drugCode: aDrug().code, quantity: 25 }] },
      aPurchasingCatalogue(),
      later,
    );

    const act = () =>
      sut.receive(
        {
          deliveryId: 'dn-2',
          lines: [
            { drugCode: aMetforminDrug().code, quantity: 5 },
            { drugCode: aDrug().code, quantity: 6 },
          ],
        },
        aPurchasingCatalogue(),
        later,
      );

    expect(refusal(act)).toMatchObject({
      code: PurchasingErrorCode.InvalidDelivery,
      violations: [
        {
          field: 'lines[1].quantity',
          reason: PurchasingErrorCode.DeliveryExceedsOrder,
          description: '6 packs would make 31 of 30 ordered',
        },
      ],
    });
    expect([sut.delivered(aDrug().code), sut.delivered(aMetforminDrug().code)]).toEqual([25, 0]);
  });

  it('counts two lines of one drug in the same delivery together against the order', () => {
    const sut = supplierOne();

    expect(
      refusal(() =>
        sut.receive(
          {
            deliveryId: 'dn-1',
            lines: [
              { drugCode: aMetforminDrug().code, quantity: 3 },
              { drugCode: aMetforminDrug().code, quantity: 3 },
            ],
          },
          aPurchasingCatalogue(),
          later,
        ),
      ).violations.map((v) => [v.field, v.reason]),
    ).toEqual([['lines[1].quantity', PurchasingErrorCode.DeliveryExceedsOrder]]);
  });

  it('refuses a drug not on the order, a quantity that is not whole packs, and an empty delivery', () => {
    const sut = supplierOne();

    expect(
      refusal(() =>
        sut.receive(
          {
            deliveryId: 'dn-1',
            lines: [
              { drugCode: atorvastatin.code, quantity: 1 },
              { drugCode: aDrug().code, quantity: 0 },
            ],
          },
          aPurchasingCatalogue(),
          later,
        ),
      ).violations.map((v) => [v.field, v.reason]),
    ).toEqual([
      ['lines[0].drugCode', PurchasingErrorCode.NotOnOrder],
      ['lines[1].quantity', PurchasingErrorCode.InvalidQuantity],
    ]);
    expect(
      refusal(() => sut.receive({ deliveryId: 'dn-2', lines: [] }, aPurchasingCatalogue(), later)).violations,
    ).toEqual([expect.objectContaining({ field: 'lines' })]);
  });

  it('records a substitute of the same generic and form against the ordered line, paid as ordered', () => {
    const sut = anAggregation().orders[0]!;

    const delivery = sut.receive(
      {
        deliveryId: 'dn-1',
        lines: [{ drugCode: atorvastatinOtherMaker.code, quantity: 12, substituteFor: atorvastatin.code }],
      },
      aPurchasingCatalogue(),
      later,
    );

    expect(delivery.lines).toEqual([
      expect.objectContaining({
        drugCode: atorvastatinOtherMaker.code,
        orderedCode: atorvastatin.code,
        unitPriceFen: 186,
      }),
    ]);
    expect(sut.delivered(atorvastatin.code)).toBe(12);
  });

  it('refuses a substitute of another generic or form, or standing in for a drug not ordered', () => {
    const sut = anAggregation().orders[0]!;

    expect(
      refusal(() =>
        sut.receive(
          {
            deliveryId: 'dn-1',
            lines: [
              { drugCode: aDrug().code, quantity: 1, substituteFor: atorvastatin.code },
              { drugCode: atorvastatinOtherMaker.code, quantity: 1, substituteFor: aMetforminDrug().code },
            ],
          },
          aPurchasingCatalogue(),
          later,
        ),
      ).violations.map((v) => [v.field, v.reason]),
    ).toEqual([
      ['lines[0].drugCode', PurchasingErrorCode.SubstituteNotEquivalent],
      ['lines[1].substituteFor', PurchasingErrorCode.NotOnOrder],
    ]);
  });

  it('refuses the same delivery twice', () => {
    const sut = supplierOne();
    sut.receive(
      { deliveryId: 'dn-1', lines: [{ drugCode: aDrug().code, quantity: 1 }] },
      aPurchasingCatalogue(),
      later,
    );

    expect(
      refusal(() =>
        sut.receive(
          { deliveryId: 'dn-1', lines: [{ drugCode: aDrug().code, quantity: 1 }] },
          aPurchasingCatalogue(),
          later,
        ),
      ),
    ).toMatchObject({ code: PurchasingErrorCode.DuplicateDelivery, violations: [{ field: 'deliveryId' }] });
  });

  it('records the shortages when closed, and receives nothing after', () => {
    const sut = supplierOne();
    sut.receive(
      { deliveryId: 'dn-1', lines: [{ drugCode: aDrug().code, quantity: 30 }] },
      aPurchasingCatalogue(),
      later,
    );
    sut.receive(
      { deliveryId: 'dn-2', lines: [{ drugCode: aMetforminDrug().code, quantity: 2 }] },
      aPurchasingCatalogue(),
      later,
    );

    expect(sut.close(later)).toEqual([
      {
        purchaseOrderId: 'po-2',
        supplier: '配送企业甲',
        drugCode: aMetforminDrug().code,
        ordered: 5,
        delivered: 2,
      },
    ]);
    expect(
      refusal(() =>
        sut.receive(
          { deliveryId: 'dn-3', lines: [{ drugCode: aMetforminDrug().code, quantity: 1 }] },
          aPurchasingCatalogue(),
          later,
        ),
      ),
    ).toMatchObject({ code: PurchasingErrorCode.OrderClosed, category: 'failed-precondition' });
    expect(refusal(() => sut.close(later)).code).toBe(PurchasingErrorCode.OrderClosed);
  });
});
