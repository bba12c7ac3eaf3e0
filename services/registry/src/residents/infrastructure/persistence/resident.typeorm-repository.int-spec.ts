import { type UnitOfWork } from '@medgrid/database';
import { lockOrder } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type RegistryFixtures, RegistryTestDatabase } from '../../../test/registry-fixtures';
import { Resident, type ResidentSnapshot } from '../../domain/resident';
import { ResidentTypeormRepository } from './resident.typeorm-repository';

describe(ResidentTypeormRepository.name, () => {
  let db: RegistryTestDatabase;
  let uow: UnitOfWork;
  let given: RegistryFixtures;
  let sut: ResidentTypeormRepository;

  beforeAll(async () => {
    db = await RegistryTestDatabase.create('resident_repository');
    uow = db.uow;
    given = db.given;
    sut = new ResidentTypeormRepository(db.uow);
  });

  afterAll(() => db?.close());

  it('stores a resident and reads back every field by id and by ID number; nothing for unknown ones', async () => {
    const grid = await given.grid();
    const stored: ResidentSnapshot = {
      id: uuidv7(),
      residentIdNumber: '11010519491231002X',
      name: '陈阿婆',
      birthDate: '1949-12-31',
      sex: 'female',
      phone: '13900139000',
      gridId: grid.id,
      version: 2,
    };

    await sut.insert(Resident.restore(stored));

    expect((await sut.findById(stored.id))?.snapshot()).toEqual(stored);
    expect((await sut.findByIdNumber(stored.residentIdNumber))?.snapshot()).toEqual(stored);
    expect(await sut.findById(uuidv7())).toBeNull();
    expect(await sut.findByIdNumber('110105194912310021')).toBeNull();
  });

  it('refuses a second resident of one ID number, naming residentIdNumber', async () => {
    const existing = await given.resident((await given.grid()).id);

    await expect(sut.insert(Resident.restore({ ...existing, id: uuidv7() }))).rejects.toMatchObject({
      code: 'DUPLICATE_RESIDENT_ID_NUMBER',
      violations: [expect.objectContaining({ field: 'residentIdNumber' })],
    });
  });

  it('stores many residents in one go, every field of each; none is nothing to do', async () => {
    const { id: gridId } = await given.grid();
    const batch = [
      given.newResident(gridId, '甲'),
      given.newResident(gridId, '乙'),
      given.newResident(gridId, '丙'),
    ];

    await sut.insertMany(batch);
    await sut.insertMany([]);

    for (const resident of batch) {
      expect((await sut.findById(resident.snapshot().id))?.snapshot()).toEqual(resident.snapshot());
    }
  });

  it('refuses a batch with a registered ID number as a whole, naming residentIdNumber', async () => {
    const { id: gridId } = await given.grid();
    const existing = await given.resident(gridId);
    const fresh = given.newResident(gridId);

    await expect(
      uow.run(() => sut.insertMany([fresh, Resident.restore({ ...existing, id: uuidv7() })])),
    ).rejects.toMatchObject({
      code: 'DUPLICATE_RESIDENT_ID_NUMBER',
      violations: [expect.objectContaining({ field: 'residentIdNumber' })],
    });
    expect(await sut.findById(fresh.snapshot().id)).toBeNull();
  });

  it('tells which ID numbers are registered already', async () => {
    const { id: gridId } = await given.grid();
    const a = await given.resident(gridId);
    const b = await given.resident(gridId);
    const unknown = given.newResident(gridId).snapshot().residentIdNumber;

    expect(await sut.existingIdNumbers([a.residentIdNumber, unknown, b.residentIdNumber])).toEqual(
      new Set([a.residentIdNumber, b.residentIdNumber]),
    );
    expect(await sut.existingIdNumbers([])).toEqual(new Set());
  });

  it('updates name, phone and grid at the version it was read at', async () => {
    const stored = await given.resident((await given.grid()).id);
    const resident = Resident.restore(stored);
    resident.update({ name: '新名字', phone: '13700137000', gridId: (await given.grid()).id });

    await sut.update(resident, 1);

    expect((await sut.findById(stored.id))?.snapshot()).toEqual(resident.snapshot());
  });

  it('refuses to update a resident that changed since it was read, naming expectedVersion, changing nothing', async () => {
    const stored = await given.resident((await given.grid()).id);
    const first = Resident.restore(stored);
    first.update({ name: '先改', phone: stored.phone, gridId: stored.gridId });
    await sut.update(first, 1);
    const stale = Resident.restore(stored);
    stale.update({ name: '后改', phone: stored.phone, gridId: stored.gridId });

    await expect(sut.update(stale, 1)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      violations: [expect.objectContaining({ field: 'expectedVersion' })],
    });
    expect((await sut.findById(stored.id))?.snapshot().name).toBe('先改');
  });

  it('holds a resident read for update until its transaction ends; the next reader sees its change', async () => {
    const stored = await given.resident((await given.grid()).id);
    let seen = '';

    const order = await lockOrder(
      (letGo, locked) =>
        uow.run(async () => {
          const resident = (await sut.findById(stored.id, true))!;
          locked();
          await letGo;
          resident.update({ name: '锁内改名', phone: stored.phone, gridId: stored.gridId });
          await sut.update(resident, 1);
        }),
      () =>
        uow.run(async () => {
          seen = (await sut.findById(stored.id, true))!.snapshot().name;
        }),
    );

    expect(order).toEqual(['released', 'holder done', 'waiter done']);
    expect(seen).toBe('锁内改名');
  });

  it('searches a grid’s residents by name (wildcards taken literally), no other grid’s', async () => {
    const { id: gridId } = await given.grid();
    const zhang = await given.resident(gridId, '张三');
    const zhangLi = await given.resident(gridId, '张_李');
    await given.resident(gridId, '王五');
    await given.resident((await given.grid()).id, '张四');
    const search = async (nameContains?: string) =>
      (await sut.search({ gridId, nameContains, limit: 10 })).map((r) => r.snapshot().id).sort();

    expect(await search('张')).toEqual([zhang.id, zhangLi.id].sort());
    expect(await search('_')).toEqual([zhangLi.id]);
    expect(await search()).toHaveLength(3);
  });

  it('pages by (name, id): a page starts after the last row of the one before', async () => {
    const { id: gridId } = await given.grid();
    const rows = [];
    for (const name of ['Gamma', 'Beta', 'Alpha', 'Beta']) rows.push(await given.resident(gridId, name));
    const ordered = rows
      .map((r) => ({ name: r.name, id: r.id }))
      .sort((a, b) => (a.name === b.name ? a.id.localeCompare(b.id) : a.name < b.name ? -1 : 1));

    const first = (await sut.search({ gridId, limit: 2 })).map((r) => r.snapshot());
    const last = first[first.length - 1]!;
    const second = (await sut.search({ gridId, after: { name: last.name, id: last.id }, limit: 2 })).map(
      (r) => r.snapshot(),
    );

    expect([...first, ...second].map((r) => r.id)).toEqual(ordered.map((r) => r.id));
  });
});
