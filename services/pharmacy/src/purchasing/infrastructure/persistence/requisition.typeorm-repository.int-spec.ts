import { v7 as uuidv7 } from 'uuid';
import { aDrug } from '../../../catalogue/test/drug.factory';
import { Requisition } from '../../domain/requisition';
import { PurchasingFixtures } from '../../test/purchasing.fixtures';
import { RequisitionTypeormRepository } from './requisition.typeorm-repository';

/** RequisitionTypeormRepository writes and reads back what the domain made, on the real PostgreSQL. */
describe(RequisitionTypeormRepository.name, () => {
  let fixtures: PurchasingFixtures;

  beforeAll(async () => {
    fixtures = await PurchasingFixtures.create('pharmacy_requisition_repository');
  });

  afterAll(() => fixtures?.close());

  const at = new Date('2027-02-01T08:00:00.000Z');
  const requisition = (institutionId: string) =>
    Requisition.restore({
      id: uuidv7(),
      institutionId,
      lines: [{ drugCode: aDrug().code, quantity: 5 }],
      status: 'open',
      purchaseOrderIds: [],
      raisedAt: at,
    });

  it('stores a requisition, lists the open ones oldest first and reads it back as ordered', async () => {
    const groupId = uuidv7();
    const institutionId = uuidv7();
    const sut = fixtures.requisitions;
    const stored = requisition(institutionId);

    await fixtures.uow.run(() => sut.add(groupId, stored));
    stored.markOrdered([uuidv7()]);
    await fixtures.uow.run(() => sut.update(stored));

    expect((await sut.get(stored.id))?.requisition.snapshot()).toEqual(stored.snapshot());
    expect(await sut.open(groupId)).toEqual([]);
    expect(
      (await sut.list(groupId, institutionId, 'ordered', { limit: 10, after: null })).map((r) => r.id),
    ).toEqual([stored.id]);
  });
});
