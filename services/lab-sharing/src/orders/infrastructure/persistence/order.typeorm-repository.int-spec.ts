import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { aCentre } from '../../../centres/test/shared-centre.factory';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { aLabItem, anImagingItem } from '../../../recognition/test/catalogue-item.factory';
import { Order } from '../../domain/order';
import { OrderError, OrderErrorCode } from '../../domain/order-error';
import { aPerformedOrder } from '../../test/order.factory';
import { OrderTypeormRepository } from './order.typeorm-repository';

const at = new Date('2026-12-04T01:00:00Z');
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);

describe(OrderTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: OrderTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_order', (url) => labSharingDataSource(url, 2));
    uow = new UnitOfWork(database.dataSource);
    sut = new OrderTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  it('stores an order with its item and exam data and reads it back as it was', async () => {
    const order = aPerformedOrder(aCentre('imaging', at), anImagingItem(), 'emergency', at);

    await sut.insert(order.snapshot());

    expect(await sut.find(order.id, false)).toEqual(order.snapshot());
  });

  it('keeps a specimen and a cancellation through an update from the version read', async () => {
    const order = aPerformedOrder(aCentre('laboratory', at), aLabItem(), 'routine', at);
    await sut.insert(order.snapshot());

    await uow.run(async () => {
      const read = (await sut.find(order.id, true))!;
      const changed = Order.restore(read);
      changed.cancel('患者已转诊', read.orderingInstitutionId, minutes(5));
      await sut.update(changed.snapshot(), read.version);
    });

    expect(await sut.find(order.id, false)).toMatchObject({
      status: 'cancelled',
      cancelReason: '患者已转诊',
      cancelledAt: minutes(5),
      exam: order.snapshot().exam,
      version: order.snapshot().version + 1,
    });
  });

  it('refuses a write from a stale read with VERSION_CONFLICT and keeps the stored order', async () => {
    const order = aPerformedOrder(aCentre('imaging', at), anImagingItem(), 'routine', at);
    await sut.insert(order.snapshot());
    const stale = order.snapshot();
    const first = Order.restore(stale);
    first.cancel('first', stale.orderingInstitutionId, minutes(1));
    await sut.update(first.snapshot(), stale.version);
    const second = Order.restore(stale);
    second.reported('0193a0c4-0000-7000-8000-000000000001', minutes(2));

    const write = sut.update(second.snapshot(), stale.version);

    await expect(write).rejects.toThrow(OrderError);
    await expect(write).rejects.toMatchObject({ code: OrderErrorCode.VersionConflict });
    expect((await sut.find(order.id, false))!.status).toBe('cancelled');
  });

  it("lists a site's and a centre's orders newest first, a page after the cursor", async () => {
    const fixture = aCentre('imaging', at);
    const orders = [0, 1, 2].map((n) => aPerformedOrder(fixture, anImagingItem(), 'routine', minutes(n)));
    for (const order of orders) await sut.insert(order.snapshot());
    const newest = [...orders].reverse().map((o) => o.id);

    const bySite = await sut.list({
      owner: { orderingInstitutionId: fixture.clinicId },
      status: undefined,
      after: null,
      limit: 10,
    });
    const byCentre = await sut.list({
      owner: { centreId: fixture.centre.id },
      status: 'performed',
      after: { placedAt: minutes(2), id: orders[2]!.id },
      limit: 10,
    });

    expect(bySite.map((o) => o.id)).toEqual(newest);
    expect(byCentre.map((o) => o.id)).toEqual(newest.slice(1));
  });
});
