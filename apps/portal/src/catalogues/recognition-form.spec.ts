import { describe, expect, it } from 'vitest';
import { type RecognitionItem } from '../api/catalogue-types';
import {
  checkRecognitionItem,
  emptyRecognitionDraft,
  loincCheckDigit,
  type RecognitionDraft,
  recognitionDraftOf,
  recognitionItemOf,
} from './recognition-form';

const glucose: RecognitionItem = {
  code: 'LAB-GLU',
  nationalCode: '',
  loinc: '2345-7',
  name: '葡萄糖测定',
  kind: 'laboratory',
  modality: '',
  bodyPart: '',
  specimen: 'serum',
  dataClass: 'general',
  recognition: { validityDays: 7, scope: 'RECOGNITION_SCOPE_REGION', quality: ['accreditation'] },
};

const chestCt: RecognitionItem = {
  code: 'CT-CHEST',
  nationalCode: '',
  loinc: '',
  name: '胸部 CT 平扫',
  kind: 'imaging',
  modality: 'CT',
  bodyPart: 'chest',
  specimen: '',
  dataClass: 'general',
  recognition: { validityDays: 30, scope: 'RECOGNITION_SCOPE_GROUP', quality: ['quality-control'] },
};

const draft = (changes: Partial<RecognitionDraft> = {}) => ({ ...recognitionDraftOf(glucose), ...changes });

describe(recognitionItemOf.name, () => {
  it('gives back the item it was drafted from', () => {
    expect(recognitionItemOf(recognitionDraftOf(glucose))).toEqual(glucose);
    expect(recognitionItemOf(recognitionDraftOf(chestCt))).toEqual(chestCt);
  });

  it('leaves out the parts the kind does not use, and the rule of an item not recognised', () => {
    const item = recognitionItemOf(
      draft({ kind: 'ecg', modality: 'CT', bodyPart: 'chest', recognised: false }),
    );

    expect(item).toMatchObject({ modality: 'ECG', bodyPart: '', specimen: '' });
    expect(item).not.toHaveProperty('recognition');
    expect(recognitionItemOf(draft({ kind: 'remote-consultation' }))).not.toHaveProperty('recognition');
  });
});

describe(loincCheckDigit.name, () => {
  it("computes LOINC's mod-10 check digit", () => {
    expect(loincCheckDigit('2345')).toBe(7);
    expect(loincCheckDigit('718')).toBe(7);
  });
});

describe(checkRecognitionItem.name, () => {
  it('finds nothing wrong with a whole item', () => {
    expect(checkRecognitionItem(draft())).toEqual([]);
    expect(checkRecognitionItem(recognitionDraftOf(chestCt))).toEqual([]);
  });

  it('names every field of an empty imaging form as lab-sharing names it', () => {
    const problems = checkRecognitionItem({ ...emptyRecognitionDraft(), kind: 'imaging' });

    expect(problems.map((p) => [p.field, p.reason])).toEqual([
      ['item.code', 'INVALID_FORMAT'],
      ['item.name', 'INVALID_LENGTH'],
      ['item.modality', 'REQUIRED'],
      ['item.bodyPart', 'REQUIRED'],
      ['item.recognition.validityDays', 'OUT_OF_RANGE'],
    ]);
  });

  it('refuses a LOINC code whose check digit is wrong, a bad national code and a validity beyond 36,500 days', () => {
    const problems = checkRecognitionItem(
      draft({ loinc: '2345-6', nationalCode: 'ab', validityDays: '36501' }),
    );

    expect(problems.map((p) => [p.field, p.reason])).toEqual([
      ['item.nationalCode', 'INVALID_FORMAT'],
      ['item.loinc', 'INVALID_CHECK_DIGIT'],
      ['item.recognition.validityDays', 'OUT_OF_RANGE'],
    ]);
  });
});
