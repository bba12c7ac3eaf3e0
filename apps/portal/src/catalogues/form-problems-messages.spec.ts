import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.messages';
import { messageAt } from '../i18n/messages';
import { zhCN } from '../i18n/zh-cn.messages';
import { checkCriteria, emptyCriteriaDraft } from './criteria-form';
import { checkDrug, emptyDrugDraft } from './drug-form';
import { type Problem } from './form-problems';
import { checkRecognitionItem, emptyRecognitionDraft } from './recognition-form';

/** Drafts that between them break every rule the three forms check. */
function everyProblem(): Problem[] {
  const criteria = emptyCriteriaDraft();
  const drug = emptyDrugDraft();
  const item = emptyRecognitionDraft();
  return [
    ...checkCriteria(criteria),
    ...checkCriteria({
      ...criteria,
      covers: 'I10, I10.1, X, I13-I10',
      nameZh: 'x'.repeat(101),
      nameEn: '高血压',
      specialtyCode: '3',
      primaryManageable: true,
      greenChannel: 'GREEN_CHANNEL_STROKE',
      upwardIndications: [
        { code: 'bad', zh: 'no', en: '中' },
        { code: 'BAD', zh: '中', en: 'x' },
        { code: 'BAD', zh: '中', en: 'x' },
      ],
      downwardCriteria: [],
      sources: [{ kind: 'blog', issuer: 'x', title: 'y' }],
    }),
    ...checkCriteria({ ...criteria, greenChannel: 'GREEN_CHANNEL_X' as never, sources: [] }),
    ...checkDrug({ ...drug, volumeBased: true, levels: [] }),
    ...checkDrug({
      ...drug,
      code: 'xc08ca',
      dosageForm: 'pill',
      unifiedPrice: '1.234',
      listPrice: '2000000',
      insuranceCategory: 'D',
    }),
    ...checkDrug({ ...drug, code: 'X-C08CAA014A001010100535'.slice(0, 23) }),
    ...checkDrug({ ...drug, code: 'AC08CAA014A001010100535' }),
    ...checkDrug({ ...drug, code: 'X1234AA014A001010100535' }),
    ...checkRecognitionItem({ ...item, kind: 'imaging', bodyPart: 'Chest', loinc: 'x', nationalCode: 'a' }),
    ...checkRecognitionItem({ ...item, kind: 'imaging', modality: 'ECG', loinc: '2345-6', specimen: '' }),
    ...checkRecognitionItem({
      ...item,
      kind: 'pathology',
      specimen: 'bone',
      dataClass: 'x',
      scope: 'X' as never,
    }),
    ...checkRecognitionItem({ ...item, kind: 'other', modality: 'XX' }),
  ];
}

describe('the catalogue forms’ problems', () => {
  it('word every problem the forms find in both languages', () => {
    const keys = [...new Set(everyProblem().map((p) => `catalogues.problems.${p.message ?? p.reason}`))];

    expect(keys.length).toBeGreaterThan(25);
    expect(keys.filter((key) => messageAt(zhCN, key) === undefined)).toEqual([]);
    expect(keys.filter((key) => messageAt(en, key) === undefined)).toEqual([]);
  });
});
