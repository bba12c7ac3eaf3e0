import { aLabItem, anImagingItem } from '../test/catalogue-item.factory';
import { type CatalogueItem, catalogueItemViolations } from './catalogue-item';

const fieldsOf = (item: CatalogueItem) =>
  catalogueItemViolations(item, 'item').map((v) => [v.field, v.reason]);

describe(catalogueItemViolations.name, () => {
  const sut = catalogueItemViolations;

  it.each([
    ['a laboratory item', aLabItem()],
    ['an imaging item', anImagingItem()],
    ['an item that is orderable only', aLabItem({ recognition: null })],
    ['an item with its national code', aLabItem({ nationalCode: '250301001' })],
    ['an ECG item', anImagingItem({ code: 'ECG-12-LEAD', kind: 'ecg', modality: 'ECG', bodyPart: null })],
  ])('takes %s', (_, item) => {
    expect(sut(item, 'item')).toEqual([]);
  });

  it('names every broken field at once, under the path it is given', () => {
    const item = aLabItem({ code: 'lab glu', loinc: '14771-1', name: ' ', nationalCode: 'x' });

    expect(sut(item, 'items[4]').map((v) => [v.field, v.reason])).toEqual([
      ['items[4].code', 'INVALID_FORMAT'],
      ['items[4].nationalCode', 'INVALID_FORMAT'],
      ['items[4].loinc', 'INVALID_CHECK_DIGIT'],
      ['items[4].name', 'INVALID_LENGTH'],
    ]);
  });

  it.each([
    ['an imaging item without modality', anImagingItem({ modality: null }), 'item.modality', 'REQUIRED'],
    ['an imaging item without body part', anImagingItem({ bodyPart: null }), 'item.bodyPart', 'REQUIRED'],
    ['a laboratory item with a modality', aLabItem({ modality: 'CT' }), 'item.modality', 'NOT_APPLICABLE'],
    ['a laboratory item without specimen', aLabItem({ specimen: null }), 'item.specimen', 'REQUIRED'],
    [
      'an imaging item with a specimen',
      anImagingItem({ specimen: 'serum' }),
      'item.specimen',
      'NOT_APPLICABLE',
    ],
    [
      'an imaging item on the ECG modality',
      anImagingItem({ modality: 'ECG' }),
      'item.modality',
      'DOES_NOT_FIT_KIND',
    ],
    ['an unknown modality', anImagingItem({ modality: 'XX' as never }), 'item.modality', 'UNKNOWN_VALUE'],
    ['a body part in Chinese', anImagingItem({ bodyPart: '胸部' }), 'item.bodyPart', 'INVALID_FORMAT'],
    ['an unknown data class', aLabItem({ dataClass: 'secret' as never }), 'item.dataClass', 'UNKNOWN_VALUE'],
  ])('refuses %s', (_, item, field, reason) => {
    expect(fieldsOf(item)).toEqual([[field, reason]]);
  });

  it.each([0, -1, 1.5, 36_501])('refuses a validity of %s days', (validityDays) => {
    const item = aLabItem({ recognition: { validityDays, scope: 'region', quality: [] } });

    expect(fieldsOf(item)).toEqual([['item.recognition.validityDays', 'OUT_OF_RANGE']]);
  });

  it('refuses an unknown scope and a quality condition named twice or unknown', () => {
    const item = aLabItem({
      recognition: {
        validityDays: 7,
        scope: 'nation' as never,
        quality: ['accreditation', 'accreditation', 'iso' as never],
      },
    });

    expect(fieldsOf(item)).toEqual([
      ['item.recognition.scope', 'UNKNOWN_VALUE'],
      ['item.recognition.quality[1]', 'DUPLICATE'],
      ['item.recognition.quality[2]', 'UNKNOWN_VALUE'],
    ]);
  });

  it('does not recognise a consultation', () => {
    const item = aLabItem({
      code: 'RC-CONSULT',
      kind: 'remote-consultation',
      specimen: null,
      loinc: null,
    });

    expect(fieldsOf(item)).toEqual([['item.recognition', 'NOT_APPLICABLE']]);
  });
});
