import { v7 as uuidv7 } from 'uuid';
import { aDrug } from '../../../catalogue/test/drug.factory';
import { GetSupplierLedgerQuery } from '../../application/get-supplier-ledger/get-supplier-ledger.query';
import { RecordSupplierPaymentCommand } from '../../application/record-supplier-payment/record-supplier-payment.command';
import { type Delivery } from '../../domain/purchase-order';
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
  const jia = '配送企业甲';

  const aDelivery = (deliveryId: string, quantity = 3, supplier = jia): Delivery => ({
    deliveryId,
    purchaseOrderId: uuidv7(),
    supplier,
    lines: [
      {
        deliveryId,
        drugCode: aDrug().code,
        orderedCode: aDrug().code,
        quantity,
        unitPriceFen: 196,
        listPriceFen: 1350,
      },
    ],
    receivedAt: at,
  });

  /** The balance row and the sum of the entries of a group's supplier. */
  async function balanceAndSum(groupId: string, supplier: string) {
    const [row] = await fixtures.database.dataSource.query<{ balance: string; entries: number }[]>(
      `SELECT balance_fen AS balance, entry_count AS entries FROM supplier_balance
       WHERE group_id = $1 AND supplier = $2`,
      [groupId, supplier],
    );
    const [sum] = await fixtures.database.dataSource.query<{ sum: string; n: number }[]>(
      `SELECT coalesce(sum(amount_fen), 0) AS sum, count(*)::int AS n FROM supplier_ledger_entry
       WHERE group_id = $1 AND supplier = $2`,
      [groupId, supplier],
    );
    return {
      balance: Number(row?.balance ?? 0),
      entries: row?.entries ?? 0,
      sum: Number(sum!.sum),
      n: sum!.n,
    };
  }

  it('appends ledger entries and reads them back, and the database refuses to change one', async () => {
    const groupId = uuidv7();
    const sut = fixtures.ledgers;
    const ledger = SettlementLedger.empty();
    const entries = ledger.recordDelivery(aDelivery('DN-1'));
    entries.push(ledger.recordPayment(jia, 100, 'PAY-1', at));

    await fixtures.uow.run(() => sut.append(groupId, entries));

    expect(await sut.entries(groupId, jia)).toEqual(entries);
    expect(await sut.entry(groupId, 2)).toEqual(entries[1]);
    expect(await sut.balance(groupId, jia)).toBe(488);
    await expect(
      fixtures.database.dataSource.query(
        `UPDATE supplier_ledger_entry SET amount_fen = 0 WHERE group_id = $1`,
        [groupId],
      ),
    ).rejects.toThrow(/never updated or deleted/);
  });

  it('reads a change’s position without the ledger: the last sequence, the supplier’s balance, a delivery entered', async () => {
    const groupId = uuidv7();
    const sut = fixtures.ledgers;
    const first = SettlementLedger.empty();
    await fixtures.uow.run(() =>
      sut.append(groupId, [
        ...first.recordDelivery(aDelivery('DN-1', 5)),
        ...first.recordDelivery(aDelivery('DN-2', 2, '配送企业乙')),
      ]),
    );

    const ledger = await fixtures.uow.run(() =>
      sut.load(groupId, { suppliers: [jia], deliveryIds: ['DN-1', 'DN-3'] }),
    );

    expect(ledger.balanceOf(jia)).toBe(980);
    expect(ledger.recordDelivery(aDelivery('DN-3')).map((e) => e.sequence)).toEqual([3]);
    expect(() => ledger.recordDelivery(aDelivery('DN-1'))).toThrow(/already on the ledger/);
  });

  it('keeps each supplier’s balance the sum of its entries after receipts and payments made concurrently', async () => {
    const { centre, jia: order } = await fixtures.anOrderedGroup();
    const groupId = centre.groupId!;

    // 16 packs ordered: eight deliveries of two packs raced against each other and against payments.
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 8 }, (_, i) =>
        fixtures.deliver(centre, order.id, [{ drugCode: aDrug().code, quantity: 2 }], `DN-${i}-${uuidv7()}`),
      ),
      ...Array.from({ length: 4 }, () =>
        fixtures.recordSupplierPayment.execute(
          centre,
          RecordSupplierPaymentCommand.create({
            clientRequestId: uuidv7(),
            supplier: order.supplier,
            amountFen: 1,
            reference: `PAY-${uuidv7()}`,
          }),
        ),
      ),
    ]);

    expect(outcomes.slice(0, 8).every((o) => o.status === 'fulfilled')).toBe(true);
    const paid = outcomes.slice(8).filter((o) => o.status === 'fulfilled').length;
    const { balance, entries, sum, n } = await balanceAndSum(groupId, order.supplier);
    expect({ balance, entries }).toEqual({ balance: sum, entries: n });
    expect(balance).toBe(16 * order.lines[0]!.unitPriceFen - paid);
    const ledger = await fixtures.getSupplierLedger.execute(
      centre,
      GetSupplierLedgerQuery.create({ supplier: order.supplier }),
    );
    expect(ledger.balanceFen).toBe(balance);
    expect(ledger.entries.reduce((total, e) => total + e.amountFen, 0)).toBe(balance);
    expect(ledger.entries.map((e) => e.sequence)).toEqual(ledger.entries.map((_, i) => i + 1));
  });
});
