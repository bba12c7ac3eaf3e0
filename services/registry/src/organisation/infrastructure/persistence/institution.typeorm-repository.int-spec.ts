import { type UnitOfWork } from '@medgrid/database';
import { aCreditCode, lockOrder } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type RegistryFixtures, RegistryTestDatabase } from '../../../test/registry-fixtures';
import { Institution, type InstitutionSnapshot } from '../../domain/institution';
import { MedicalGroup } from '../../domain/medical-group';
import { InstitutionTypeormRepository } from './institution.typeorm-repository';
import { MedicalGroupTypeormRepository } from './medical-group.typeorm-repository';

describe(InstitutionTypeormRepository.name, () => {
  let db: RegistryTestDatabase;
  let uow: UnitOfWork;
  let given: RegistryFixtures;
  let sut: InstitutionTypeormRepository;

  beforeAll(async () => {
    db = await RegistryTestDatabase.create('institution_repository');
    uow = db.uow;
    given = db.given;
    sut = new InstitutionTypeormRepository(db.uow);
  });

  afterAll(() => db?.close());

  const snapshot = (gridId: string, details: Partial<InstitutionSnapshot> = {}): InstitutionSnapshot => ({
    id: uuidv7(),
    creditCode: aCreditCode(),
    name: '越秀区人民医院',
    level: 'secondary',
    type: 'general-hospital',
    gridId,
    address: '中山一路 1 号',
    groupId: null,
    version: 1,
    ...details,
  });

  it('stores an institution and reads back every field, and nothing for an unknown id', async () => {
    const grid = await given.grid();
    const stored = snapshot(grid.id, { groupId: uuidv7(), version: 3 });

    await sut.insert(Institution.restore(stored));

    expect((await sut.findById(stored.id))?.snapshot()).toEqual(stored);
    expect(await sut.findById(uuidv7())).toBeNull();
  });

  it('refuses a second institution of one credit code, naming creditCode', async () => {
    const { gridId, creditCode } = await given.institution();

    await expect(sut.insert(Institution.restore(snapshot(gridId, { creditCode })))).rejects.toMatchObject({
      code: 'DUPLICATE_CREDIT_CODE',
      violations: [expect.objectContaining({ field: 'creditCode' })],
    });
  });

  it('updates every changed field at the version it was read at', async () => {
    const stored = await given.institution({ level: 'secondary', type: 'general-hospital' });
    const institution = Institution.restore(stored);
    institution.update(1, { name: '新名字', level: 'tertiary', type: 'general-hospital', address: '新地址' });
    institution.joinGroup(uuidv7());

    await sut.update(institution, 1);

    expect((await sut.findById(stored.id))?.snapshot()).toEqual(institution.snapshot());
  });

  it('refuses to update an institution that changed since it was read, changing nothing', async () => {
    const stored = await given.institution();
    const first = Institution.restore(stored);
    first.update(1, { name: '先改', level: 'primary', type: 'community-health-centre', address: 'x' });
    await sut.update(first, 1);
    const stale = Institution.restore(stored);
    stale.update(1, { name: '后改', level: 'primary', type: 'community-health-centre', address: 'y' });

    await expect(sut.update(stale, 1)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await sut.findById(stored.id))?.snapshot()).toEqual(first.snapshot());
  });

  it('holds an institution read for update until its transaction ends; the next reader sees its change', async () => {
    const stored = await given.institution();
    let seen = '';

    const order = await lockOrder(
      (letGo, locked) =>
        uow.run(async () => {
          const institution = (await sut.findById(stored.id, true))!;
          locked();
          await letGo;
          institution.update(1, { ...stored, name: '锁内改名' });
          await sut.update(institution, 1);
        }),
      () =>
        uow.run(async () => {
          seen = (await sut.findById(stored.id, true))!.snapshot().name;
        }),
    );

    expect(order).toEqual(['released', 'holder done', 'waiter done']);
    expect(seen).toBe('锁内改名');
  });

  it('finds those of many ids that exist, and none for none', async () => {
    const a = await given.institution();
    const b = await given.institution();

    const found = await sut.findByIds([a.id, uuidv7(), b.id]);

    expect(found.map((i) => i.snapshot()).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [a, b].sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect(await sut.findByIds([])).toEqual([]);
  });

  it('tells the group an institution belongs to and those it collaborates with; nothing for an unknown one', async () => {
    const grid = await given.grid();
    const groups = new MedicalGroupTypeormRepository(uow);
    const own = await given.group(grid.id);
    const partnerA = await given.group((await given.grid()).id);
    const partnerB = await given.group((await given.grid()).id);
    const hospital = await given.institution({
      gridId: grid.id,
      level: 'tertiary',
      type: 'general-hospital',
      groupId: own.id,
    });
    for (const [group, role] of [
      [own, 'lead'],
      [partnerA, 'collaborating'],
      [partnerB, 'collaborating'],
    ] as const) {
      await groups.update(
        MedicalGroup.restore({
          ...group,
          memberships: [{ institutionId: hospital.id, role, joinedAt: new Date() }],
        }),
        group.version,
      );
    }
    const loner = await given.institution();

    expect(await sut.findStanding(hospital.id)).toEqual({
      belongsTo: [own.id],
      collaboratesWith: expect.arrayContaining([partnerA.id, partnerB.id]) as unknown,
    });
    expect((await sut.findStanding(hospital.id))?.collaboratesWith).toHaveLength(2);
    expect(await sut.findStanding(loner.id)).toEqual({ belongsTo: [], collaboratesWith: [] });
    expect(await sut.findStanding(uuidv7())).toBeNull();
  });

  it('searches by name (wildcards taken literally), credit code, grid, group, level and type', async () => {
    const grid = await given.grid();
    const group = uuidv7();
    const centre = await given.institution({ gridId: grid.id, name: '东山100%社区卫生服务中心' });
    const station = await given.institution({
      gridId: grid.id,
      name: '东山社区卫生服务站',
      type: 'community-health-station',
      groupId: group,
    });
    const hospital = await given.institution({
      gridId: grid.id,
      name: '东山医院',
      level: 'secondary',
      type: 'general-hospital',
      groupId: group,
    });
    // Which rows, not their order: the order is the next test's.
    const search = async (filter: Parameters<InstitutionTypeormRepository['search']>[0]) =>
      (await sut.search(filter)).map((i) => i.snapshot().id).sort();
    const ids = (...institutions: InstitutionSnapshot[]) => institutions.map((i) => i.id).sort();

    expect(await search({ gridId: grid.id, limit: 10 })).toEqual(ids(centre, hospital, station));
    expect(await search({ gridId: grid.id, nameContains: '社区', limit: 10 })).toEqual(ids(centre, station));
    expect(await search({ gridId: grid.id, nameContains: '100%', limit: 10 })).toEqual(ids(centre));
    expect(await search({ gridId: grid.id, nameContains: '_', limit: 10 })).toEqual([]);
    expect(await search({ creditCode: hospital.creditCode, limit: 10 })).toEqual(ids(hospital));
    expect(await search({ groupId: group, limit: 10 })).toEqual(ids(hospital, station));
    expect(await search({ gridId: grid.id, level: 'secondary', limit: 10 })).toEqual(ids(hospital));
    expect(await search({ gridId: grid.id, type: 'community-health-station', limit: 10 })).toEqual(
      ids(station),
    );
  });

  it('pages by (name, id): a page starts after the last row of the one before', async () => {
    const grid = await given.grid();
    const rows = [];
    for (const name of ['Gamma', 'Beta', 'Alpha', 'Beta']) {
      rows.push(await given.institution({ gridId: grid.id, name }));
    }
    const ordered = rows
      .map((r) => ({ name: r.name, id: r.id }))
      .sort((a, b) => (a.name === b.name ? a.id.localeCompare(b.id) : a.name < b.name ? -1 : 1));

    const first = await sut.search({ gridId: grid.id, limit: 2 });
    const last = first[first.length - 1]!.snapshot();
    const second = await sut.search({ gridId: grid.id, after: { name: last.name, id: last.id }, limit: 2 });

    expect([...first, ...second].map((i) => i.snapshot().id)).toEqual(ordered.map((r) => r.id));
  });
});
