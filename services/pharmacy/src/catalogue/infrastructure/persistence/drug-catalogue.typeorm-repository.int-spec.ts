import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { pharmacyDataSource } from '../../../database/pharmacy-data-source';
import { CatalogueErrorCode } from '../../domain/catalogue-error';
import { type DrugCatalogue } from '../../domain/drug-catalogue';
import { type CatalogueChangeKind } from '../../domain/drug-catalogue.repository';
import { starterCatalogue } from '../../domain/starter/starter-catalogue';
import { aDrug, aMetforminDrug, anOriginatorDrug } from '../../test/drug.factory';
import { DrugCatalogueTypeormRepository } from './drug-catalogue.typeorm-repository';

const editor = { subject: 'admin-1', role: 'group-admin' };
const DAY = 86_400_000;
/** Instants from now on: the store refuses to delete a version already in force, as of the database's clock. */
const now = () => new Date();
const inDays = (days: number) => new Date(Date.now() + days * DAY);

describe(DrugCatalogueTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: DrugCatalogueTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('pharmacy_drug_catalogue', (url) =>
      pharmacyDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new DrugCatalogueTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  /** Loads, changes and saves the group's catalogue in one transaction, as a use case does. */
  const change = (groupId: string, kind: CatalogueChangeKind, act: (c: DrugCatalogue) => void) =>
    uow.run(async () => {
      const catalogue = await sut.load(groupId, true);
      const read = catalogue.version;
      act(catalogue);
      await sut.save(catalogue, catalogue.pullEvents(), read, kind, editor);
    });

  it('stores the starter load, then reads the whole catalogue and its head back', async () => {
    const groupId = uuidv7();
    const from = inDays(1);
    await change(groupId, 'loaded', (c) => c.load(starterCatalogue(), from, 0, now()));

    const loaded = await sut.load(groupId, false);
    expect(loaded.version).toBe(1);
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect(loaded.drugsAt(inDays(2)).sort(byCode)).toEqual(starterCatalogue().sort(byCode));
    expect(loaded.drugsAt(now())).toEqual([]);
    expect(await sut.head(groupId)).toMatchObject({
      groupId,
      version: 1,
      drugCount: starterCatalogue().length,
    });
    expect(await sut.head(uuidv7())).toMatchObject({ version: 0, changedAt: null, drugCount: 0 });
  });

  it('keeps each price as it was at its instant: a later change adds a version and never rewrites the earlier', async () => {
    const groupId = uuidv7();
    await change(groupId, 'loaded', (c) => c.load([aDrug()], inDays(1), 0, now()));
    await change(groupId, 'drug-put', (c) => c.put(aDrug({ unifiedPriceFen: 180 }), inDays(30), 1, now()));

    const catalogue = await sut.load(groupId, false);
    expect(catalogue.drugAt(aDrug().code, inDays(10))?.unifiedPriceFen).toBe(196);
    expect(catalogue.drugAt(aDrug().code, inDays(31))?.unifiedPriceFen).toBe(180);
    const history = await database.dataSource.query<
      { version: number; change: string; drug_count: number }[]
    >(`SELECT version, change, drug_count FROM drug_catalogue_change WHERE group_id = $1 ORDER BY version`, [
      groupId,
    ]);
    expect(history).toEqual([
      { version: 1, change: 'loaded', drug_count: 1 },
      { version: 2, change: 'drug-put', drug_count: 1 },
    ]);
  });

  it('replaces a version not yet in force by a change from an earlier instant', async () => {
    const groupId = uuidv7();
    await change(groupId, 'loaded', (c) => c.load([aDrug()], inDays(1), 0, now()));
    await change(groupId, 'drug-put', (c) => c.put(aDrug({ unifiedPriceFen: 180 }), inDays(30), 1, now()));
    await change(groupId, 'drug-put', (c) => c.put(aDrug({ unifiedPriceFen: 170 }), inDays(20), 2, now()));

    const catalogue = await sut.load(groupId, false);
    expect(catalogue.snapshot().drugs[0]?.versions.map((v) => v.drug?.unifiedPriceFen)).toEqual([196, 170]);
  });

  it('reads a part: the drugs asked for or named alike, with every drug of their generic and form', async () => {
    const groupId = uuidv7();
    await change(groupId, 'loaded', (c) =>
      c.load([aDrug(), anOriginatorDrug(), aMetforminDrug()], inDays(1), 0, now()),
    );

    const byCode = await sut.part(groupId, { codes: [anOriginatorDrug().code] });
    expect(byCode.sameGenericAndFormAt(anOriginatorDrug(), inDays(2))).toEqual([aDrug()]);
    expect(byCode.drugAt(aMetforminDrug().code, inDays(2))).toBeUndefined();
    const byName = await sut.part(groupId, { genericNameContains: '二甲双胍' });
    expect(byName.drugsAt(inDays(2))).toEqual([aMetforminDrug()]);
    expect((await sut.part(groupId, { genericNameContains: '%' })).drugsAt(inDays(2))).toEqual([]);
    expect((await sut.part(uuidv7(), { codes: [aDrug().code] })).version).toBe(0);
  });

  it('refuses a write from a version read before another change, and keeps the other change', async () => {
    const groupId = uuidv7();
    await change(groupId, 'loaded', (c) => c.load([aDrug()], inDays(1), 0, now()));
    const stale = await sut.load(groupId, false);
    await change(groupId, 'drug-put', (c) => c.put(aMetforminDrug(), inDays(1), 1, now()));

    stale.put(anOriginatorDrug(), inDays(1), 1, now());
    await expect(
      uow.run(() => sut.save(stale, stale.pullEvents(), 1, 'drug-put', editor)),
    ).rejects.toMatchObject({ code: CatalogueErrorCode.StaleCatalogueVersion });
    expect(
      (await sut.load(groupId, false))
        .drugsAt(inDays(2))
        .map((d) => d.code)
        .sort(),
    ).toEqual([aDrug().code, aMetforminDrug().code].sort());
  });

  it('refuses a second first load of a group', async () => {
    const groupId = uuidv7();
    const first = await sut.load(groupId, false);
    await change(groupId, 'loaded', (c) => c.load([aDrug()], inDays(1), 0, now()));

    first.load([aMetforminDrug()], inDays(1), 0, now());
    await expect(
      uow.run(() => sut.save(first, first.pullEvents(), 0, 'loaded', editor)),
    ).rejects.toMatchObject({ code: CatalogueErrorCode.StaleCatalogueVersion });
  });

  it('never lets a version in force be rewritten or deleted', async () => {
    const groupId = uuidv7();
    await uow.run(() =>
      database.dataSource.query(
        `INSERT INTO drug_version (group_id, code, effective_from, recorded_at, withdrawn)
         VALUES ($1, 'X', now() - interval '1 day', now(), true)`,
        [groupId],
      ),
    );

    await expect(
      database.dataSource.query(`DELETE FROM drug_version WHERE group_id = $1`, [groupId]),
    ).rejects.toThrow(/never updated or deleted/);
    await expect(
      database.dataSource.query(`UPDATE drug_version SET recorded_at = now() WHERE group_id = $1`, [groupId]),
    ).rejects.toThrow(/never updated or deleted/);
  });
});
