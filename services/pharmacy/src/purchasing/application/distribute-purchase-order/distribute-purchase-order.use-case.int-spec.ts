import { FormularyChangedEvent, PurchaseOrderDistributedEvent } from '@medgrid/contracts';
import { v7 as uuidv7 } from 'uuid';
import { aDrug } from '../../../catalogue/test/drug.factory';
import { RecordStockMovementCommand } from '../../../formulary/application/record-stock-movement/record-stock-movement.command';
import { PurchasingErrorCode } from '../../domain/purchasing-error';
import { atorvastatin, atorvastatinOtherMaker } from '../../test/purchasing.factory';
import { PurchasingFixtures } from '../../test/purchasing.fixtures';
import { DistributePurchaseOrderCommand } from './distribute-purchase-order.command';
import { DistributePurchaseOrderUseCase } from './distribute-purchase-order.use-case';

/** The centre distributes what an order received into the institutions' stock, through the real store. */
describe(DistributePurchaseOrderUseCase.name, () => {
  let fixtures: PurchasingFixtures;
  let sut: DistributePurchaseOrderUseCase;

  beforeAll(async () => {
    fixtures = await PurchasingFixtures.create('pharmacy_distribute_purchase_order');
    sut = fixtures.distribute;
  });

  afterAll(() => fixtures?.close());

  const distribute = (purchaseOrderId: string) =>
    DistributePurchaseOrderCommand.create({ clientRequestId: uuidv7(), purchaseOrderId });

  it('gives the earliest requisition first, records the shortfall and the shortage, and announces the distribution', async () => {
    const { centre, clinic1, clinic2, jia } = await fixtures.anOrderedGroup();
    await fixtures.deliver(centre, jia.id, [{ drugCode: aDrug().code, quantity: 12 }]);
    const command = distribute(jia.id);
    const clinics = [clinic1.institutionId!, clinic2.institutionId!];
    const announcedBefore = (await fixtures.outbox(FormularyChangedEvent.type, clinics)).length;

    const distribution = await sut.execute(centre, command);
    const retried = await sut.execute(centre, command);

    expect(distribution).toMatchObject({
      purchaseOrderId: jia.id,
      allocations: [
        expect.objectContaining({ institutionId: clinic1.institutionId, quantity: 10 }),
        expect.objectContaining({ institutionId: clinic2.institutionId, quantity: 2 }),
      ],
      shortfalls: [expect.objectContaining({ institutionId: clinic2.institutionId, asked: 6, given: 2 })],
      shortages: [expect.objectContaining({ drugCode: aDrug().code, ordered: 16, delivered: 12 })],
    });
    expect(retried).toEqual(distribution);
    expect(await fixtures.onHand(clinic1.institutionId!, aDrug().code)).toBe(10);
    expect(await fixtures.onHand(clinic2.institutionId!, aDrug().code)).toBe(2);
    expect(await fixtures.outbox(PurchaseOrderDistributedEvent.type, [jia.id])).toHaveLength(1);
    // Each clinic had none of it: the packs bring it back into stock there, announced once each.
    expect((await fixtures.outbox(FormularyChangedEvent.type, clinics)).slice(announcedBefore)).toEqual([
      { topic: 'medgrid.pharmacy.formulary.v1', message_key: clinic1.institutionId },
      { topic: 'medgrid.pharmacy.formulary.v1', message_key: clinic2.institutionId },
    ]);
    await expect(sut.execute(centre, distribute(jia.id))).rejects.toMatchObject({
      code: PurchasingErrorCode.OrderClosed,
    });
  });

  it('gives a substitute as itself', async () => {
    const { centre, clinic1, yi } = await fixtures.anOrderedGroup();
    await fixtures.deliver(centre, yi.id, [
      { drugCode: atorvastatinOtherMaker.code, quantity: 4, substituteFor: atorvastatin.code },
    ]);

    const distribution = await sut.execute(centre, distribute(yi.id));

    expect(distribution.allocations).toEqual([
      expect.objectContaining({
        orderedCode: atorvastatin.code,
        drugCode: atorvastatinOtherMaker.code,
        quantity: 4,
      }),
    ]);
    expect(await fixtures.onHand(clinic1.institutionId!, atorvastatinOtherMaker.code)).toBe(4);
  });

  it('distributes an order once when two distributions race, and never drives stock negative racing the clinic’s issues', async () => {
    const { centre, clinic1, jia } = await fixtures.anOrderedGroup();
    await fixtures.deliver(centre, jia.id, [{ drugCode: aDrug().code, quantity: 16 }]);
    const issue = () =>
      fixtures.recordStockMovement.execute(
        clinic1,
        RecordStockMovementCommand.create({
          clientRequestId: uuidv7(),
          drugCode: aDrug().code,
          kind: 'issued',
          quantity: 3,
          reason: 'dispensed',
        }),
      );

    const outcomes = await Promise.allSettled([
      sut.execute(centre, distribute(jia.id)),
      sut.execute(centre, distribute(jia.id)),
      issue(),
      issue(),
      issue(),
      issue(),
    ]);

    const [first, second, ...issues] = outcomes;
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    const issued = issues.filter((o) => o.status === 'fulfilled').length * 3;
    // 10 packs in; at most three issues of 3 fit, each either before (refused) or after the distribution.
    expect(issued).toBeLessThanOrEqual(9);
    const rows = await fixtures.database.dataSource.query<{ on_hand: number }[]>(
      `SELECT on_hand FROM stock_balance WHERE institution_id = $1 AND drug_code = $2`,
      [clinic1.institutionId, aDrug().code],
    );
    expect(rows).toEqual([{ on_hand: 10 - issued }]);
    const movements = await fixtures.database.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM stock_movement WHERE institution_id = $1 AND kind = 'received'`,
      [clinic1.institutionId],
    );
    expect(Number(movements[0]!.n)).toBe(1);
  });

  it('refuses a clinic', async () => {
    const { clinic1, jia } = await fixtures.anOrderedGroup();

    await expect(sut.execute(clinic1, distribute(jia.id))).rejects.toMatchObject({
      code: PurchasingErrorCode.Forbidden,
    });
  });
});
