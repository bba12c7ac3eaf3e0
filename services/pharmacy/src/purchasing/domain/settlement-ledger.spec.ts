import { refusal } from '../../test/refusal';
import { type Delivery } from './purchase-order';
import { PurchasingErrorCode } from './purchasing-error';
import { SettlementLedger } from './settlement-ledger';

const at = new Date('2027-02-05T08:00:00Z');

function aDelivery(deliveryId: string, supplier = '配送企业甲'): Delivery {
  return {
    deliveryId,
    purchaseOrderId: 'po-1',
    supplier,
    lines: [
      { deliveryId, drugCode: 'A', orderedCode: 'A', quantity: 30, unitPriceFen: 196, listPriceFen: 1350 },
      { deliveryId, drugCode: 'B', orderedCode: 'B', quantity: 5, unitPriceFen: 250, listPriceFen: 1200 },
    ],
    receivedAt: at,
  };
}

describe(SettlementLedger.name, () => {
  it('owes a supplier each delivered line at the order price, in fen', () => {
    const sut = SettlementLedger.empty();

    const entries = sut.recordDelivery(aDelivery('dn-1'));

    expect(entries.map((e) => [e.sequence, e.kind, e.drugCode, e.amountFen])).toEqual([
      [1, 'delivered', 'A', 5880],
      [2, 'delivered', 'B', 1250],
    ]);
    expect(sut.balanceOf('配送企业甲')).toBe(7130);
    expect(sut.balanceOf('配送企业乙')).toBe(0);
  });

  it('reduces what is owed by payments, never beyond it', () => {
    const sut = SettlementLedger.empty();
    sut.recordDelivery(aDelivery('dn-1'));

    sut.recordPayment('配送企业甲', 7000, 'pay-1', at);

    expect(sut.balanceOf('配送企业甲')).toBe(130);
    expect(refusal(() => sut.recordPayment('配送企业甲', 131, 'pay-2', at))).toMatchObject({
      code: PurchasingErrorCode.Overpayment,
      violations: [{ field: 'amountFen' }],
    });
  });

  it.each([0, -5, 12.5])('refuses a payment of %s fen', (amount) => {
    const sut = SettlementLedger.empty();
    sut.recordDelivery(aDelivery('dn-1'));

    expect(refusal(() => sut.recordPayment('配送企业甲', amount, 'pay', at)).code).toBe(
      PurchasingErrorCode.InvalidPayment,
    );
  });

  it('enters a delivery once', () => {
    const sut = SettlementLedger.empty();
    sut.recordDelivery(aDelivery('dn-1'));

    expect(refusal(() => sut.recordDelivery(aDelivery('dn-1'))).code).toBe(
      PurchasingErrorCode.DuplicateDelivery,
    );
    expect(sut.appended()).toHaveLength(2);
  });

  it('enters a delivery once when the position says it is entered already', () => {
    const sut = SettlementLedger.restore({
      lastSequence: 9,
      balances: new Map([['配送企业甲', 7130]]),
      enteredDeliveries: new Set(['dn-1']),
    });

    expect(refusal(() => sut.recordDelivery(aDelivery('dn-1'))).code).toBe(
      PurchasingErrorCode.DuplicateDelivery,
    );
    expect(sut.appended()).toEqual([]);
  });

  it('only appends: what it appended is a copy and its entries cannot be changed', () => {
    const sut = SettlementLedger.empty();
    sut.recordDelivery(aDelivery('dn-1'));
    const appended = sut.appended() as unknown[];

    appended.pop();
    expect(() => Object.assign(sut.appended()[0]!, { amountFen: 1 })).toThrow(TypeError);
    expect(sut.appended()).toHaveLength(2);
    expect(sut.balanceOf('配送企业甲')).toBe(7130);
  });

  it('gives the same balances from the position of the same entries, each the sum of its entries', () => {
    const original = SettlementLedger.empty();
    original.recordDelivery(aDelivery('dn-1'));
    original.recordDelivery(aDelivery('dn-2', '配送企业乙'));
    original.recordPayment('配送企业乙', 1000, 'pay-1', at);

    const sut = SettlementLedger.restore(SettlementLedger.positionOf(original.appended()));

    expect([sut.balanceOf('配送企业甲'), sut.balanceOf('配送企业乙')]).toEqual([7130, 6130]);
    expect(refusal(() => sut.recordDelivery(aDelivery('dn-2'))).code).toBe(
      PurchasingErrorCode.DuplicateDelivery,
    );
    expect(sut.recordPayment('配送企业甲', 1, 'pay-2', at).sequence).toBe(6);
  });

  it('continues from a position without its entries: the next sequence and the balance it was given', () => {
    const sut = SettlementLedger.restore({
      lastSequence: 10_000,
      balances: new Map([['配送企业甲', 500]]),
      enteredDeliveries: new Set(),
    });

    const entries = sut.recordDelivery(aDelivery('dn-10001'));

    expect(entries.map((e) => e.sequence)).toEqual([10_001, 10_002]);
    expect(sut.balanceOf('配送企业甲')).toBe(7630);
    expect(sut.recordPayment('配送企业甲', 7630, 'pay', at).sequence).toBe(10_003);
    expect(sut.balanceOf('配送企业甲')).toBe(0);
  });
});
