import { type UnitOfWork } from '@medgrid/database';
import { lockOrder } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type RegistryFixtures, RegistryTestDatabase } from '../../../test/registry-fixtures';
import { type PractitionerSnapshot } from '../../domain/practitioner';
import { type PractitionerSearch } from '../../domain/practitioner.repository';
import { PractitionerTypeormRepository } from './practitioner.typeorm-repository';

describe(PractitionerTypeormRepository.name, () => {
  let db: RegistryTestDatabase;
  let uow: UnitOfWork;
  let given: RegistryFixtures;
  let sut: PractitionerTypeormRepository;

  beforeAll(async () => {
    db = await RegistryTestDatabase.create('practitioner_repository');
    uow = db.uow;
    given = db.given;
    sut = new PractitionerTypeormRepository(db.uow);
  });

  afterAll(() => db?.close());

  it('stores a practitioner and reads back every field, and nothing for an unknown id', async () => {
    const home = await given.institution();
    const stored: PractitionerSnapshot = {
      id: uuidv7(),
      licenceNumber: '110440100012345',
      name: '王医生',
      title: 'associate-chief',
      specialtyCode: '03.04',
      homeInstitutionId: home.id,
      version: 2,
    };

    await sut.insert(stored);

    expect(await sut.findById(stored.id)).toEqual(stored);
    expect(await sut.findById(uuidv7())).toBeNull();
  });

  it('refuses a second practitioner of one licence number, naming licenceNumber', async () => {
    const existing = await given.practitioner((await given.institution()).id);

    await expect(sut.insert({ ...existing, id: uuidv7() })).rejects.toMatchObject({
      code: 'DUPLICATE_LICENCE_NUMBER',
      violations: [expect.objectContaining({ field: 'licenceNumber' })],
    });
  });

  it('updates every changed field at the version it was read at', async () => {
    const stored = await given.practitioner((await given.institution()).id);
    const moved: PractitionerSnapshot = {
      ...stored,
      name: '改名',
      title: 'chief',
      specialtyCode: '04',
      homeInstitutionId: (await given.institution()).id,
      version: 2,
    };

    await sut.update(moved, 1);

    expect(await sut.findById(stored.id)).toEqual(moved);
  });

  it('refuses to update a practitioner that changed since it was read, changing nothing', async () => {
    const stored = await given.practitioner((await given.institution()).id);
    await sut.update({ ...stored, name: '先改', version: 2 }, 1);

    await expect(sut.update({ ...stored, name: '后改', version: 2 }, 1)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    expect((await sut.findById(stored.id))?.name).toBe('先改');
  });

  it('holds a practitioner read for update until its transaction ends; the next reader sees its change', async () => {
    const stored = await given.practitioner((await given.institution()).id);
    let seen = '';

    const order = await lockOrder(
      (letGo, locked) =>
        uow.run(async () => {
          const practitioner = (await sut.findById(stored.id, true))!;
          locked();
          await letGo;
          await sut.update({ ...practitioner, name: '锁内改名', version: 2 }, 1);
        }),
      () =>
        uow.run(async () => {
          seen = (await sut.findById(stored.id, true))!.name;
        }),
    );

    expect(order).toEqual(['released', 'holder done', 'waiter done']);
    expect(seen).toBe('锁内改名');
  });

  it('finds those of many ids that exist, and none for none', async () => {
    const home = (await given.institution()).id;
    const a = await given.practitioner(home);
    const b = await given.practitioner(home);

    const found = await sut.findByIds([b.id, uuidv7(), a.id]);

    expect(found.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(await sut.findByIds([])).toEqual([]);
  });

  it('searches by name (wildcards taken literally), home institution and specialty with its sub-specialties', async () => {
    const home = (await given.institution()).id;
    const elsewhere = (await given.institution()).id;
    const internist = await given.practitioner(home, { name: '张_内科', specialtyCode: '03' });
    const cardiologist = await given.practitioner(home, { name: '李心内', specialtyCode: '03.04' });
    const surgeon = await given.practitioner(elsewhere, { name: '张外科', specialtyCode: '04' });
    // Which rows, not their order: the order is the next test's.
    const search = async (filter: Omit<PractitionerSearch, 'limit'>) =>
      (await sut.search({ ...filter, limit: 10 })).map((p) => p.id).sort();
    const ids = (...practitioners: PractitionerSnapshot[]) => practitioners.map((p) => p.id).sort();

    expect(await search({ institutionId: home })).toEqual(ids(internist, cardiologist));
    expect(await search({ institutionId: home, specialtyCode: '03' })).toEqual(ids(internist, cardiologist));
    expect(await search({ institutionId: home, specialtyCode: '03.04' })).toEqual(ids(cardiologist));
    expect(await search({ nameContains: '张' })).toEqual(ids(internist, surgeon));
    expect(await search({ nameContains: '张_' })).toEqual(ids(internist));
    expect(await search({ institutionId: elsewhere, nameContains: '%' })).toEqual([]);
  });

  it('pages by (name, id): a page starts after the last row of the one before', async () => {
    const home = (await given.institution()).id;
    const rows = [];
    for (const name of ['Gamma', 'Beta', 'Alpha', 'Beta'])
      rows.push(await given.practitioner(home, { name }));
    const ordered = rows
      .map((r) => ({ name: r.name, id: r.id }))
      .sort((a, b) => (a.name === b.name ? a.id.localeCompare(b.id) : a.name < b.name ? -1 : 1));

    const first = await sut.search({ institutionId: home, limit: 2 });
    const last = first[first.length - 1]!;
    const second = await sut.search({
      institutionId: home,
      after: { name: last.name, id: last.id },
      limit: 2,
    });

    expect([...first, ...second].map((p) => p.id)).toEqual(ordered.map((r) => r.id));
  });
});
