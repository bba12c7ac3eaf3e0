import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { CentreError, CentreErrorCode } from '../../domain/centre-error';
import { type CentreInstitution, SharedCentre } from '../../domain/shared-centre';
import { aCentre } from '../../test/shared-centre.factory';
import { SharedCentreTypeormRepository } from './shared-centre.typeorm-repository';

const at = new Date('2026-12-04T02:00:00Z');
const member = (): CentreInstitution => ({
  institutionId: uuidv7(),
  level: 'primary',
  sharedCentreInstitution: false,
  roleInGroup: 'member',
});

describe(SharedCentreTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: SharedCentreTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_shared_centre', (url) =>
      labSharingDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new SharedCentreTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  const named = (groupId: string, name: string, kind: SharedCentre['kind'] = 'imaging') =>
    SharedCentre.register(
      { id: uuidv7(), groupId, kind, name },
      { institutionId: uuidv7(), level: 'tertiary', sharedCentreInstitution: false, roleInGroup: 'lead' },
      [],
      at,
    );

  it('stores a centre and reads it back as it was, served institutions in order', async () => {
    const { centre } = aCentre('laboratory', at);

    await sut.insert(centre);

    expect((await sut.findById(centre.id))?.snapshot()).toEqual(centre.snapshot());
    expect(await sut.findById(uuidv7())).toBeNull();
  });

  it('stores a change made from the version read, and refuses a stale one as VERSION_CONFLICT', async () => {
    const { centre } = aCentre('ecg', at);
    await sut.insert(centre);
    const clinic = member();

    await uow.run(async () => {
      const read = (await sut.findForUpdate(centre.id))!;
      read.startServing(clinic);
      await sut.update(read, 1);
    });
    const stale = SharedCentre.restore(centre.snapshot());
    stale.close(at);

    const refused = await sut.update(stale, 1).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(CentreError);
    expect((refused as CentreError).code).toBe(CentreErrorCode.VersionConflict);
    expect((await sut.findById(centre.id))?.snapshot()).toMatchObject({
      status: 'active',
      version: 2,
      servedInstitutionIds: [...centre.snapshot().servedInstitutionIds, clinic.institutionId],
    });
  });

  it('holds a locked centre until the transaction that locked it ends', async () => {
    const { centre } = aCentre('pathology', at);
    await sut.insert(centre);
    const order: string[] = [];
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));

    const first = uow.run(async () => {
      await sut.findForUpdate(centre.id);
      locked();
      await new Promise((resolve) => setTimeout(resolve, 200));
      order.push('first ends');
    });
    await isLocked;
    const second = uow.run(async () => {
      await sut.findForUpdate(centre.id);
      order.push('second reads');
    });
    await Promise.all([first, second]);

    expect(order).toEqual(['first ends', 'second reads']);
  });

  it("lists a group's centres by name then id, by kind, the closed ones when asked, page after page", async () => {
    const groupId = uuidv7();
    const [b, a, c] = [
      named(groupId, 'B 影像中心'),
      named(groupId, 'A 检验中心', 'laboratory'),
      named(groupId, 'C'),
    ];
    c.close(at);
    for (const centre of [a, b, c, named(uuidv7(), 'A another group')]) await sut.insert(centre);
    const ids = (centres: SharedCentre[]) => centres.map((centre) => centre.id);

    expect(ids(await sut.list({ groupId, kind: null, includeClosed: false }, null, 10))).toEqual([
      a.id,
      b.id,
    ]);
    expect(ids(await sut.list({ groupId, kind: null, includeClosed: true }, null, 10))).toEqual([
      a.id,
      b.id,
      c.id,
    ]);
    expect(ids(await sut.list({ groupId, kind: 'laboratory', includeClosed: true }, null, 10))).toEqual([
      a.id,
    ]);
    expect(
      ids(await sut.list({ groupId, kind: null, includeClosed: true }, { name: 'A 检验中心', id: a.id }, 1)),
    ).toEqual([b.id]);
  });
});
