import { thrownBy } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aLabItem, anImagingItem } from '../test/catalogue-item.factory';
import { RecognitionCatalogue } from './recognition-catalogue';
import { RecognitionError, RecognitionErrorCode } from './recognition-error';

const now = new Date('2026-12-04T02:00:00Z');

function refusal(act: () => unknown): RecognitionError {
  return thrownBy(RecognitionError, act);
}

function aLoadedCatalogue(): RecognitionCatalogue {
  const catalogue = RecognitionCatalogue.empty(uuidv7());
  catalogue.load([aLabItem(), anImagingItem()], 0, now);
  catalogue.pullEvents();
  return catalogue;
}

describe(RecognitionCatalogue.name, () => {
  it('starts empty at version 0, and each load or edit makes the next version with its event', () => {
    const sut = RecognitionCatalogue.empty(uuidv7());

    sut.load([aLabItem()], 0, now);
    sut.put(anImagingItem(), 1, now);
    sut.remove('LAB-GLU', 2, now);

    expect(sut.snapshot()).toMatchObject({ version: 3, items: [anImagingItem()], changedAt: now });
    expect(sut.pullEvents().map((e) => [e.change, e.itemCode, e.version])).toEqual([
      ['loaded', null, 1],
      ['item-put', 'CT-CHEST', 2],
      ['item-removed', 'LAB-GLU', 3],
    ]);
  });

  it('replaces the item of the same code', () => {
    const sut = aLoadedCatalogue();

    sut.put(aLabItem({ name: '空腹血浆葡萄糖' }), 1, now);

    expect(sut.item('LAB-GLU')?.name).toBe('空腹血浆葡萄糖');
    expect(sut.snapshot().items).toHaveLength(2);
  });

  it('refuses a change made from a version it is no longer at, and changes nothing', () => {
    const sut = aLoadedCatalogue();

    const error = refusal(() => sut.put(aLabItem({ name: '改' }), 0, now));

    expect(error.code).toBe(RecognitionErrorCode.StaleCatalogueVersion);
    expect(error.category).toBe('conflict');
    expect(error.violations[0]?.field).toBe('fromVersion');
    expect(sut.snapshot().version).toBe(1);
    expect(sut.item('LAB-GLU')?.name).toBe('空腹血糖');
  });

  it('refuses a whole load naming every bad item and every repeated code, and keeps the catalogue it had', () => {
    const sut = aLoadedCatalogue();

    const error = refusal(() =>
      sut.load([aLabItem(), anImagingItem({ bodyPart: null }), aLabItem({ loinc: '1-1' })], 1, now),
    );

    expect(error.category).toBe('invalid-argument');
    expect(error.violations.map((v) => [v.field, v.reason])).toEqual([
      ['items[1].bodyPart', 'REQUIRED'],
      ['items[2].loinc', 'INVALID_CHECK_DIGIT'],
      ['items[2].code', RecognitionErrorCode.DuplicateItem],
    ]);
    expect(sut.snapshot().version).toBe(1);
  });

  it('refuses a bad item put, naming its field', () => {
    const error = refusal(() => aLoadedCatalogue().put(aLabItem({ specimen: null }), 1, now));

    expect(error.violations.map((v) => v.field)).toEqual(['item.specimen']);
  });

  it('refuses to remove or look up an item it does not have', () => {
    const sut = aLoadedCatalogue();

    expect(refusal(() => sut.remove('LAB-NONE', 1, now)).code).toBe(RecognitionErrorCode.UnknownItem);
    expect(refusal(() => sut.itemOrThrow('LAB-NONE', 'itemCode')).violations[0]?.field).toBe('itemCode');
    expect(sut.itemOrThrow('CT-CHEST', 'itemCode').kind).toBe('imaging');
  });
});
