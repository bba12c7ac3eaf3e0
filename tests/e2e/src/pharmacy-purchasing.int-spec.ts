import { credentials, status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  type drugCatalogueServiceV1,
  PurchaseOrderDistributedEvent,
  PurchaseOrderPlacedEvent,
  purchasingServiceV1,
} from '@medgrid/contracts';
import { v7 as uuidv7 } from 'uuid';
import { fails } from './grpc-call';
import { outboxEventCount } from './outbox';
import { PharmacyHarness } from './pharmacy-harness';

const JIA = '配送企业甲';
const YI = '配送企业乙';

/**
 * Unified purchasing, distribution and settlement with the registry and the pharmacy service as real processes: a
 * community centre and a hospital requisition drugs of their formularies, the group's administrator places the
 * orders, receives the deliveries, distributes them into the institutions' stock and settles with the suppliers.
 */
describe('pharmacy: unified purchasing, distribution and settlement', () => {
  const h = new PharmacyHarness();
  let purchasing: purchasingServiceV1.PurchasingServiceClient;
  let group: Awaited<ReturnType<PharmacyHarness['groupWithHospital']>>;
  /** A volume-based winner of supplier 甲 any level may stock, bought at its bid. */
  let winner: drugCatalogueServiceV1.Drug;
  /** A drug of supplier 乙 a centre may stock. */
  let other: drugCatalogueServiceV1.Drug;
  /** A drug a centre may stock that it does not. */
  let unstocked: drugCatalogueServiceV1.Drug;

  beforeAll(async () => {
    await h.start('pharmacy_purchasing');
    purchasing = new purchasingServiceV1.PurchasingServiceClient(
      h.process.grpcAddress,
      credentials.createInsecure(),
    );
    group = await h.groupWithHospital();
    await h.call(
      h.catalogue,
      h.catalogue.loadStarterDrugCatalogue,
      { clientRequestId: uuidv7(), fromVersion: 0, effectiveFrom: undefined },
      group.admin,
    );
    const { drugs } = await h.call(
      h.catalogue,
      h.catalogue.getDrugCatalogue,
      { at: undefined, pageSize: 500, pageToken: '', groupId: '' },
      group.admin,
    );
    const atCentre = drugs.filter((d) => d.levels.includes('primary'));
    winner = atCentre.find(
      (d) =>
        d.supplier === JIA && d.volumeBased && d.bidPriceFen !== undefined && d.bidPriceFen < d.listPriceFen,
    )!;
    other = atCentre.find((d) => d.supplier === YI)!;
    unstocked = atCentre.find((d) => d.code !== winner.code && d.code !== other.code)!;
    for (const [identity, codes] of [
      [group.centre, [winner.code, other.code]],
      [group.hospital, [winner.code]],
    ] as const) {
      for (const drugCode of codes) {
        await h.call(h.formulary, h.formulary.stockDrug, { clientRequestId: uuidv7(), drugCode }, identity);
      }
    }
  });
  afterAll(async () => {
    purchasing?.close();
    await h.stop();
  });

  const raise = (
    identity: Identity,
    lines: purchasingServiceV1.RequisitionLine[],
    clientRequestId = uuidv7(),
  ) => h.call(purchasing, purchasing.raiseRequisition, { clientRequestId, lines }, identity);
  const deliver = (purchaseOrderId: string, lines: { drugCode: string; quantity: number }[]) =>
    h.call(
      purchasing,
      purchasing.receiveDelivery,
      {
        clientRequestId: uuidv7(),
        purchaseOrderId,
        deliveryId: `DN-${uuidv7()}`,
        lines: lines.map((line) => ({ ...line, substituteFor: '' })),
      },
      group.admin,
    );
  const ledgerOf = (supplier: string) =>
    h.call(purchasing, purchasing.getSupplierLedger, { supplier }, group.admin);
  const onHand = async (identity: Identity, drugCode: string) => {
    const { formulary } = await h.call(
      h.formulary,
      h.formulary.getFormulary,
      { institutionId: '' },
      identity,
    );
    return formulary!.items.find((item) => item.drugCode === drugCode)?.onHand;
  };

  it('takes requisitions through purchase orders, deliveries and distribution into stock, then settles and reports the savings', async () => {
    const from = new Date();
    const clientRequestId = uuidv7();
    const { requisition: centreRequisition } = await raise(
      group.centre,
      [
        { drugCode: winner.code, quantity: 10 },
        { drugCode: other.code, quantity: 3 },
      ],
      clientRequestId,
    );
    const retried = await raise(
      group.centre,
      [
        { drugCode: winner.code, quantity: 10 },
        { drugCode: other.code, quantity: 3 },
      ],
      clientRequestId,
    );
    await raise(group.hospital, [{ drugCode: winner.code, quantity: 5 }]);
    // A requisition raised by mistake is cancelled before the centre orders it: never ordered, not listed as open.
    const { requisition: mistaken } = await raise(group.hospital, [{ drugCode: winner.code, quantity: 50 }]);
    const { requisition: cancelled } = await h.call(
      purchasing,
      purchasing.cancelRequisition,
      { clientRequestId: uuidv7(), requisitionId: mistaken!.id },
      group.hospital,
    );
    expect(cancelled!.status).toBe(purchasingServiceV1.RequisitionStatus.REQUISITION_STATUS_CANCELLED);
    const { requisitions: open } = await h.call(
      purchasing,
      purchasing.listRequisitions,
      { status: purchasingServiceV1.RequisitionStatus.REQUISITION_STATUS_OPEN, pageSize: 0, pageToken: '' },
      group.admin,
    );

    const placed = await h.call(
      purchasing,
      purchasing.placePurchaseOrders,
      { clientRequestId: uuidv7() },
      group.admin,
    );
    const jia = placed.purchaseOrders.find((o) => o.supplier === JIA)!;
    const yi = placed.purchaseOrders.find((o) => o.supplier === YI)!;
    const received = await deliver(jia.id, [{ drugCode: winner.code, quantity: 12 }]);
    await deliver(yi.id, [{ drugCode: other.code, quantity: 3 }]);
    const { distribution } = await h.call(
      purchasing,
      purchasing.distributePurchaseOrder,
      { clientRequestId: uuidv7(), purchaseOrderId: jia.id },
      group.admin,
    );
    await h.call(
      purchasing,
      purchasing.distributePurchaseOrder,
      { clientRequestId: uuidv7(), purchaseOrderId: yi.id },
      group.admin,
    );
    const paid = await h.call(
      purchasing,
      purchasing.recordSupplierPayment,
      { clientRequestId: uuidv7(), supplier: JIA, amountFen: 1000, reference: 'PAY-2027-001' },
      group.admin,
    );
    const savings = await h.call(
      purchasing,
      purchasing.getProcurementSavings,
      { from, to: new Date(Date.now() + 1000) },
      group.admin,
    );

    expect(retried.requisition!.id).toBe(centreRequisition!.id);
    expect(open).toHaveLength(2);
    expect(jia.lines).toEqual([
      expect.objectContaining({
        drugCode: winner.code,
        quantity: 15,
        unitPriceFen: winner.bidPriceFen,
        listPriceFen: winner.listPriceFen,
      }),
    ]);
    expect(yi.lines).toEqual([
      expect.objectContaining({
        drugCode: other.code,
        quantity: 3,
        unitPriceFen: other.bidPriceFen ?? other.unifiedPriceFen,
      }),
    ]);
    expect(await outboxEventCount(h.sql, jia.id, PurchaseOrderPlacedEvent)).toBe(1);
    expect(received.owedFen).toBe(12 * winner.bidPriceFen!);
    expect(distribution).toMatchObject({
      allocations: [
        expect.objectContaining({ institutionId: group.centreId, drugCode: winner.code, quantity: 10 }),
        expect.objectContaining({ institutionId: group.hospitalId, drugCode: winner.code, quantity: 2 }),
      ],
      shortfalls: [expect.objectContaining({ institutionId: group.hospitalId, asked: 5, given: 2 })],
      shortages: [{ drugCode: winner.code, ordered: 15, delivered: 12 }],
    });
    expect(await outboxEventCount(h.sql, jia.id, PurchaseOrderDistributedEvent)).toBe(1);
    expect(await onHand(group.centre, winner.code)).toBe(10);
    expect(await onHand(group.centre, other.code)).toBe(3);
    expect(await onHand(group.hospital, winner.code)).toBe(2);
    const { requisition: ordered } = await h.call(
      purchasing,
      purchasing.getRequisition,
      { requisitionId: centreRequisition!.id },
      group.centre,
    );
    expect(ordered!.status).toBe(purchasingServiceV1.RequisitionStatus.REQUISITION_STATUS_ORDERED);
    await expect(
      h.call(
        purchasing,
        purchasing.cancelRequisition,
        { clientRequestId: uuidv7(), requisitionId: centreRequisition!.id },
        group.centre,
      ),
    ).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    const ledger = await ledgerOf(JIA);
    expect(ledger.entries.map((e) => [e.kind, e.amountFen])).toEqual([
      ['delivered', 12 * winner.bidPriceFen!],
      ['paid', -1000],
    ]);
    expect(paid.balanceFen).toBe(12 * winner.bidPriceFen! - 1000);
    expect(ledger.balanceFen).toBe(paid.balanceFen);
    const otherPrice = other.bidPriceFen ?? other.unifiedPriceFen;
    expect(savings).toMatchObject({
      listAmountFen: 12 * winner.listPriceFen + 3 * other.listPriceFen,
      paidAmountFen: 12 * winner.bidPriceFen! + 3 * otherPrice,
      savedFen: 12 * (winner.listPriceFen - winner.bidPriceFen!) + 3 * (other.listPriceFen - otherPrice),
      procurements: 2,
    });
  });

  it('refuses a negative quantity, an unstocked drug, a payment with decimals and a delivery beyond the order, precisely and changing nothing', async () => {
    await raise(group.centre, [{ drugCode: winner.code, quantity: 4 }]);
    const { purchaseOrders } = await h.call(
      purchasing,
      purchasing.placePurchaseOrders,
      { clientRequestId: uuidv7() },
      group.admin,
    );
    const order = purchaseOrders.find((o) => o.supplier === JIA)!;
    const { requisitions: before } = await h.call(
      purchasing,
      purchasing.listRequisitions,
      {
        status: purchasingServiceV1.RequisitionStatus.REQUISITION_STATUS_UNSPECIFIED,
        pageSize: 0,
        pageToken: '',
      },
      group.centre,
    );
    const ledgerBefore = await ledgerOf(JIA);

    const negative = await fails(raise(group.centre, [{ drugCode: winner.code, quantity: -2 }]));
    const notStocked = await fails(raise(group.centre, [{ drugCode: unstocked.code, quantity: 1 }]));
    const decimals = await fails(
      h.call(
        purchasing,
        purchasing.recordSupplierPayment,
        { clientRequestId: uuidv7(), supplier: JIA, amountFen: 12.5, reference: 'PAY-YUAN' },
        group.admin,
      ),
    );
    const tooMany = await fails(deliver(order.id, [{ drugCode: winner.code, quantity: 5 }]));
    const byACentre = await fails(
      h.call(purchasing, purchasing.getPurchaseOrder, { purchaseOrderId: order.id }, group.centre),
    );

    expect(negative).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fieldViolations: [expect.objectContaining({ field: 'lines[0].quantity', reason: 'INVALID_QUANTITY' })],
    });
    expect(notStocked).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fieldViolations: [expect.objectContaining({ field: 'lines[0].drugCode', reason: 'ITEM_NOT_STOCKED' })],
    });
    expect(decimals).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fieldViolations: [expect.objectContaining({ field: 'amountFen', reason: 'INVALID_PAYMENT' })],
    });
    expect(tooMany).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fieldViolations: [
        {
          field: 'lines[0].quantity',
          reason: 'DELIVERY_EXCEEDS_ORDER',
          description: '5 packs would make 5 of 4 ordered',
        },
      ],
    });
    expect(byACentre).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'PURCHASING_ACCESS_DENIED' });
    const { requisitions: after } = await h.call(
      purchasing,
      purchasing.listRequisitions,
      {
        status: purchasingServiceV1.RequisitionStatus.REQUISITION_STATUS_UNSPECIFIED,
        pageSize: 0,
        pageToken: '',
      },
      group.centre,
    );
    expect(after).toEqual(before);
    const { purchaseOrder } = await h.call(
      purchasing,
      purchasing.getPurchaseOrder,
      { purchaseOrderId: order.id },
      group.admin,
    );
    expect(purchaseOrder!.lines[0]!.receipts).toEqual([]);
    expect(await ledgerOf(JIA)).toEqual(ledgerBefore);
  });
});
