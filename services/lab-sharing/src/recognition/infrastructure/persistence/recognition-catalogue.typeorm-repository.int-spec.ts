import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { RecognitionErrorCode } from '../../domain/recognition-error';
import { STARTER_CATALOGUE } from '../../domain/starter/starter-catalogue';
import { aLabItem, anImagingItem } from '../../test/catalogue-item.factory';
import { RecognitionCatalogueTypeormRepository } from './recognition-catalogue.typeorm-repository';

const editor = { subject: 'operator-1', role: 'city-operator' };
const at = new Date('2026-12-04T02:00:00Z');

describe(RecognitionCatalogueTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: RecognitionCatalogueTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_recognition_catalogue', (url) =>
      labSharingDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new RecognitionCatalogueTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  /** Loads, changes and saves the region's catalogue in one transaction, as a use case does. */
  const change = (regionId: string, act: (c: Awaited<ReturnType<typeof sut.load>>) => void) =>
    uow.run(async () => {
      const catalogue = await sut.load(regionId, true);
      const read = catalogue.version;
      act(catalogue);
      await sut.save(catalogue, catalogue.pullEvents(), read, editor);
    });

  it('stores a whole load, then reads the catalogue and any item of it back', async () => {
    const regionId = uuidv7();
    await change(regionId, (c) => c.load(STARTER_CATALOGUE, 0, at));

    const loaded = await sut.load(regionId, false);
    expect(loaded.version).toBe(1);
    expect(loaded.snapshot().items).toHaveLength(STARTER_CATALOGUE.length);
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect([...loaded.snapshot().items].sort(byCode)).toEqual([...STARTER_CATALOGUE].sort(byCode));
    const ct = STARTER_CATALOGUE.find((item) => item.kind === 'imaging')!;
    expect(await sut.findItem(regionId, ct.code)).toEqual(ct);
    expect(await sut.findItem(uuidv7(), ct.code)).toBeNull();
  });

  it('puts and removes items, each a new version, keeping every change in the history', async () => {
    const regionId = uuidv7();
    await change(regionId, (c) => c.load([aLabItem()], 0, at));
    await change(regionId, (c) => c.put(anImagingItem(), 1, at));
    await change(regionId, (c) => c.put(aLabItem({ recognition: null }), 2, at));
    await change(regionId, (c) => c.remove('CT-CHEST', 3, at));

    const catalogue = await sut.load(regionId, false);
    expect(catalogue.version).toBe(4);
    expect(catalogue.snapshot().items).toEqual([aLabItem({ recognition: null })]);
    const history = await database.dataSource.query<{ version: number; change: string; item_code: string }[]>(
      `SELECT version, change, item_code FROM recognition_catalogue_change WHERE region_id = $1 ORDER BY version`,
      [regionId],
    );
    expect(history).toEqual([
      { version: 1, change: 'loaded', item_code: null },
      { version: 2, change: 'item-put', item_code: 'CT-CHEST' },
      { version: 3, change: 'item-put', item_code: 'LAB-GLU' },
      { version: 4, change: 'item-removed', item_code: 'CT-CHEST' },
    ]);
  });

  it('refuses a write from a version read before another change, and keeps the other change', async () => {
    const regionId = uuidv7();
    await change(regionId, (c) => c.load([aLabItem()], 0, at));
    const stale = await sut.load(regionId, false);
    await change(regionId, (c) => c.put(anImagingItem(), 1, at));

    stale.remove('LAB-GLU', 1, at);
    await expect(uow.run(() => sut.save(stale, stale.pullEvents(), 1, editor))).rejects.toMatchObject({
      code: RecognitionErrorCode.StaleCatalogueVersion,
    });
    expect(
      (await sut.load(regionId, false))
        .snapshot()
        .items.map((i) => i.code)
        .sort(),
    ).toEqual(['CT-CHEST', 'LAB-GLU']);
  });

  it('refuses a second first load of a region', async () => {
    const regionId = uuidv7();
    const first = await sut.load(regionId, false);
    const second = await sut.load(regionId, false);
    await change(regionId, (c) => c.load([aLabItem()], 0, at));
    first.load([anImagingItem()], 0, at);
    await expect(uow.run(() => sut.save(first, first.pullEvents(), 0, editor))).rejects.toMatchObject({
      code: RecognitionErrorCode.StaleCatalogueVersion,
    });
    expect(second.version).toBe(0);
  });

  it('never lets the history be rewritten', async () => {
    await expect(database.dataSource.query(`DELETE FROM recognition_catalogue_change`)).rejects.toThrow(
      /never updated or deleted/,
    );
  });
});
