import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aCentre } from '../../../centres/test/shared-centre.factory';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { OrderError, OrderErrorCode } from '../../domain/order-error';
import { SterilisationBatch } from '../../domain/sterilisation-batch';
import { SterilisationBatchTypeormRepository } from './sterilisation-batch.typeorm-repository';

const at = new Date('2026-12-04T02:00:00Z');
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);

describe(SterilisationBatchTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: SterilisationBatchTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_sterilisation', (url) =>
      labSharingDataSource(url, 2),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new SterilisationBatchTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  const sent = (fixture = aCentre('sterilisation-supply', at), when = at) =>
    SterilisationBatch.send(
      {
        id: uuidv7(),
        sendingInstitutionId: fixture.clinicId,
        packages: [
          { code: 'PKG-0001', name: '换药包', quantity: 10 },
          { code: 'PKG-0002', name: '缝合包', quantity: 4 },
        ],
      },
      fixture.centre,
      when,
    );

  it('stores a batch with its packages and every cycle, failed ones too, and reads it back', async () => {
    const fixture = aCentre('sterilisation-supply', at);
    const batch = sent(fixture);
    await sut.insert(batch);
    const host = fixture.hostInstitutionId;

    await uow.run(async () => {
      const read = (await sut.findById(batch.snapshot().id, true))!;
      read.receive(host, minutes(30));
      read.sterilise({ cycleId: 'ST-1', method: 'steam', indicatorsPassed: false, at: minutes(60) }, host);
      read.sterilise({ cycleId: 'ST-2', method: 'steam', indicatorsPassed: true, at: minutes(120) }, host);
      await sut.update(read, 1);
    });

    const stored = (await sut.findById(batch.snapshot().id, false))!.snapshot();
    expect(stored).toMatchObject({
      status: 'sterilised',
      receivedAt: minutes(30),
      packages: batch.snapshot().packages,
      cycles: [
        { cycleId: 'ST-1', method: 'steam', indicatorsPassed: false, at: minutes(60) },
        { cycleId: 'ST-2', method: 'steam', indicatorsPassed: true, at: minutes(120) },
      ],
      version: 4,
    });
    expect(await sut.findById(uuidv7(), false)).toBeNull();
  });

  it('refuses a change from a version no longer stored as VERSION_CONFLICT', async () => {
    const fixture = aCentre('sterilisation-supply', at);
    const batch = sent(fixture);
    await sut.insert(batch);
    const first = SterilisationBatch.restore(batch.snapshot());
    first.receive(fixture.hostInstitutionId, minutes(1));
    await sut.update(first, 1);
    const stale = SterilisationBatch.restore(batch.snapshot());
    stale.receive(fixture.hostInstitutionId, minutes(2));

    const refused = await sut.update(stale, 1).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(OrderError);
    expect((refused as OrderError).code).toBe(OrderErrorCode.VersionConflict);
  });

  it("lists a centre's and a site's batches newest first, by status, page after page", async () => {
    const fixture = aCentre('sterilisation-supply', at);
    const [older, newer, newest] = [
      sent(fixture, minutes(1)),
      sent(fixture, minutes(2)),
      sent(fixture, minutes(3)),
    ];
    for (const batch of [older, newer, newest, sent()]) await sut.insert(batch);
    const received = SterilisationBatch.restore(newer.snapshot());
    received.receive(fixture.hostInstitutionId, minutes(4));
    await sut.update(received, 1);
    const ids = (batches: { id: string }[]) => batches.map((b) => b.id);
    const centre = { centreId: fixture.centre.id };

    expect(ids(await sut.list(centre, null, null, 10))).toEqual(
      ids([newest, newer, older].map((b) => b.snapshot())),
    );
    expect(ids(await sut.list({ sendingInstitutionId: fixture.clinicId }, 'sent', null, 10))).toEqual(
      ids([newest, older].map((b) => b.snapshot())),
    );
    expect(ids(await sut.list(centre, null, { sentAt: minutes(3), id: newest.snapshot().id }, 1))).toEqual([
      newer.snapshot().id,
    ]);
  });
});
