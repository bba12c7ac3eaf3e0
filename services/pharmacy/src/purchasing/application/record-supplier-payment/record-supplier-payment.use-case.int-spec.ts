import { ValidationError } from '@medgrid/errors';
import { v7 as uuidv7 } from 'uuid';
import { aDrug } from '../../../catalogue/test/drug.factory';
import { PurchasingErrorCode } from '../../domain/purchasing-error';
import { atorvastatin } from '../../test/purchasing.factory';
import { PurchasingFixtures } from '../../test/purchasing.fixtures';
import { GetProcurementSavingsQuery } from '../get-procurement-savings/get-procurement-savings.query';
import { GetSupplierLedgerQuery } from '../get-supplier-ledger/get-supplier-ledger.query';
import { RecordSupplierPaymentCommand } from './record-supplier-payment.command';
import { RecordSupplierPaymentUseCase } from './record-supplier-payment.use-case';

/** The centre settles with suppliers on the append-only ledger, and reads the savings, through the real store. */
describe(RecordSupplierPaymentUseCase.name, () => {
  let fixtures: PurchasingFixtures;
  let sut: RecordSupplierPaymentUseCase;

  beforeAll(async () => {
    fixtures = await PurchasingFixtures.create('pharmacy_supplier_payment');
    sut = fixtures.recordSupplierPayment;
  });

  afterAll(() => fixtures?.close());

  const pay = (amountFen: number, supplier = '配送企业甲') =>
    RecordSupplierPaymentCommand.create({
      clientRequestId: uuidv7(),
      supplier,
      amountFen,
      reference: 'PAY-1',
    });

  it('pays a supplier part of what it is owed, answers a retry with the same entry, and reads the ledger and the savings', async () => {
    const start = new Date();
    const { centre, jia, yi } = await fixtures.anOrderedGroup();
    await fixtures.deliver(centre, jia.id, [{ drugCode: aDrug().code, quantity: 16 }]);
    await fixtures.deliver(centre, yi.id, [{ drugCode: atorvastatin.code, quantity: 4 }]);
    const command = pay(1000);

    const paid = await sut.execute(centre, command);
    const retried = await sut.execute(centre, command);

    expect(paid).toMatchObject({ entry: { kind: 'paid', amountFen: -1000 }, balanceFen: 16 * 196 - 1000 });
    expect(retried.entry.sequence).toBe(paid.entry.sequence);
    const ledger = await fixtures.getSupplierLedger.execute(
      centre,
      GetSupplierLedgerQuery.create({ supplier: '配送企业甲' }),
    );
    expect(ledger.entries.map((e) => e.amountFen)).toEqual([16 * 196, -1000]);
    const savings = await fixtures.getProcurementSavings.execute(
      centre,
      GetProcurementSavingsQuery.create({ from: start, to: new Date(Date.now() + 1000) }),
    );
    expect(savings).toEqual({
      listAmountFen: 16 * 1350 + 4 * 4420,
      paidAmountFen: 16 * 196 + 4 * 186,
      savedFen: 16 * (1350 - 196) + 4 * (4420 - 186),
      savedShareBp: Math.floor(((16 * (1350 - 196) + 4 * (4420 - 186)) * 10_000) / (16 * 1350 + 4 * 4420)),
      procurements: 2,
    });
  });

  it('refuses an amount in yuan with decimals, more than owed or a blank supplier, appending nothing', async () => {
    const { centre, jia } = await fixtures.anOrderedGroup();
    await fixtures.deliver(centre, jia.id, [{ drugCode: aDrug().code, quantity: 1 }]);

    await expect(sut.execute(centre, pay(1.96))).rejects.toMatchObject({
      code: PurchasingErrorCode.InvalidPayment,
      violations: [expect.objectContaining({ field: 'amountFen' })],
    });
    await expect(sut.execute(centre, pay(197))).rejects.toMatchObject({
      code: PurchasingErrorCode.Overpayment,
      violations: [expect.objectContaining({ field: 'amountFen' })],
    });
    expect(() => pay(1, ' ')).toThrow(ValidationError);
    const ledger = await fixtures.getSupplierLedger.execute(
      centre,
      GetSupplierLedgerQuery.create({ supplier: '配送企业甲' }),
    );
    expect(ledger.entries).toHaveLength(1);
  });
});
