import { type Delivery } from './purchase-order';
import { procurementSavings } from './procurement-savings';

const at = new Date('2027-02-05T08:00:00Z');
const line = (quantity: number, unitPriceFen: number, listPriceFen: number) => ({
  deliveryId: 'dn',
  drugCode: 'A',
  orderedCode: 'A',
  quantity,
  unitPriceFen,
  listPriceFen,
});
const aDelivery = (purchaseOrderId: string, ...lines: ReturnType<typeof line>[]): Delivery => ({
  deliveryId: `dn-${purchaseOrderId}`,
  purchaseOrderId,
  supplier: '配送企业甲',
  lines,
  receivedAt: at,
});

describe(procurementSavings.name, () => {
  const sut = procurementSavings;

  it('saves, per delivered pack, the listed price less the price paid, over the procurements delivered', () => {
    expect(
      sut([
        aDelivery('po-1', line(30, 196, 1350), line(5, 250, 1200)),
        aDelivery('po-2', line(10, 186, 4420)),
      ]),
    ).toEqual({
      listAmountFen: 30 * 1350 + 5 * 1200 + 10 * 4420,
      paidAmountFen: 30 * 196 + 5 * 250 + 10 * 186,
      savedFen: 30 * 1154 + 5 * 950 + 10 * 4234,
      savedShareBp: Math.floor(
        ((30 * 1154 + 5 * 950 + 10 * 4234) * 10_000) / (30 * 1350 + 5 * 1200 + 10 * 4420),
      ),
      procurements: 2,
    });
  });

  it('counts paying above list as a negative saving, and has no share of nothing', () => {
    expect(sut([aDelivery('po-1', line(2, 1100, 1000))])).toMatchObject({ savedFen: -200, savedShareBp: 0 });
    expect(sut([])).toEqual({
      listAmountFen: 0,
      paidAmountFen: 0,
      savedFen: 0,
      savedShareBp: null,
      procurements: 0,
    });
  });
});
