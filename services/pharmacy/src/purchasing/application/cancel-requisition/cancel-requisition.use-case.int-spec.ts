import { v7 as uuidv7 } from 'uuid';
import { aDrug } from '../../../catalogue/test/drug.factory';
import { PurchasingErrorCode } from '../../domain/purchasing-error';
import { PurchasingFixtures } from '../../test/purchasing.fixtures';
import { ListRequisitionsQuery } from '../list-requisitions/list-requisitions.query';
import { PlacePurchaseOrdersCommand } from '../place-purchase-orders/place-purchase-orders.command';
import { CancelRequisitionCommand } from './cancel-requisition.command';
import { CancelRequisitionUseCase } from './cancel-requisition.use-case';

/** Requisitions cancelled and listed a page at a time, through the real store. */
describe(CancelRequisitionUseCase.name, () => {
  let fixtures: PurchasingFixtures;

  beforeAll(async () => {
    fixtures = await PurchasingFixtures.create('pharmacy_cancel_requisition');
  });

  afterAll(() => fixtures?.close());

  const cancel = (requisitionId: string, clientRequestId = uuidv7()) =>
    CancelRequisitionCommand.create({ clientRequestId, requisitionId });

  it('cancels an open requisition of the caller’s institution, answers a retry, and the centre no longer orders it', async () => {
    const { centre, clinic1 } = await fixtures.aGroup();
    const raised = await fixtures.requisition(clinic1, [{ drugCode: aDrug().code, quantity: 4 }]);
    const command = cancel(raised.id);

    const cancelled = await fixtures.cancelRequisition.execute(clinic1, command);
    const retried = await fixtures.cancelRequisition.execute(clinic1, command);

    expect(cancelled.status).toBe('cancelled');
    expect(retried.snapshot()).toEqual(cancelled.snapshot());
    await expect(
      fixtures.placePurchaseOrders.execute(
        centre,
        PlacePurchaseOrdersCommand.create({ clientRequestId: uuidv7() }),
      ),
    ).resolves.toMatchObject({ orders: [] });
    await expect(fixtures.cancelRequisition.execute(clinic1, cancel(raised.id))).rejects.toMatchObject({
      code: PurchasingErrorCode.RequisitionNotOpen,
      category: 'failed-precondition',
    });
  });

  it('refuses one already ordered with FAILED_PRECONDITION and leaves it ordered', async () => {
    const { centre, clinic1 } = await fixtures.aGroup();
    const raised = await fixtures.requisition(clinic1, [{ drugCode: aDrug().code, quantity: 4 }]);
    await fixtures.placePurchaseOrders.execute(
      centre,
      PlacePurchaseOrdersCommand.create({ clientRequestId: uuidv7() }),
    );

    await expect(fixtures.cancelRequisition.execute(clinic1, cancel(raised.id))).rejects.toMatchObject({
      code: PurchasingErrorCode.RequisitionNotOpen,
      category: 'failed-precondition',
      violations: [expect.objectContaining({ field: 'requisitionId' })],
    });
    expect((await fixtures.requisitions.get(raised.id))?.requisition.status).toBe('ordered');
  });

  it('answers NOT_FOUND to another institution and to the centre, and leaves the requisition open', async () => {
    const { centre, clinic1, clinic2 } = await fixtures.aGroup();
    const raised = await fixtures.requisition(clinic1, [{ drugCode: aDrug().code, quantity: 4 }]);

    await expect(fixtures.cancelRequisition.execute(clinic2, cancel(raised.id))).rejects.toMatchObject({
      code: PurchasingErrorCode.NotFound,
    });
    await expect(fixtures.cancelRequisition.execute(centre, cancel(raised.id))).rejects.toMatchObject({
      code: PurchasingErrorCode.Forbidden,
    });
    await expect(fixtures.cancelRequisition.execute(clinic1, cancel(uuidv7()))).rejects.toMatchObject({
      code: PurchasingErrorCode.NotFound,
    });
    expect((await fixtures.requisitions.get(raised.id))?.requisition.status).toBe('open');
  });

  it('lists requisitions newest first a page at a time, each once, with the last page’s token empty', async () => {
    const { centre, clinic1 } = await fixtures.aGroup();
    const raised = [];
    for (let i = 1; i <= 5; i += 1) {
      raised.push(await fixtures.requisition(clinic1, [{ drugCode: aDrug().code, quantity: i }]));
    }

    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const page = await fixtures.listRequisitions.execute(
        centre,
        ListRequisitionsQuery.create({ pageSize: 2, pageToken }),
      );
      seen.push(...page.requisitions.map((r) => r.id));
      pageToken = page.nextPageToken;
      pages += 1;
    } while (pageToken !== '');

    expect(pages).toBe(3);
    expect(seen).toEqual(raised.map((r) => r.id).reverse());
  });

  it.each([
    [{ pageSize: 501 }, 'pageSize'],
    [{ pageSize: -1 }, 'pageSize'],
    [{ pageToken: 'not-a-token' }, 'pageToken'],
  ])('refuses a page of %j naming %s', (input, field) => {
    expect(() => ListRequisitionsQuery.create(input)).toThrow(
      expect.objectContaining({
        category: 'invalid-argument',
        violations: [expect.objectContaining({ field })],
      }) as Error,
    );
  });
});
