import { anObservation } from '../test/report-content.factory';
import { type Observation, observationViolations } from './observation';

const problems = (o: Observation) => observationViolations(o, 'o').map((v) => [v.field, v.reason]);

describe(observationViolations.name, () => {
  const sut = observationViolations;

  it.each([
    ['a normal quantity', anObservation()],
    ['a high one', anObservation({ value: { kind: 'quantity', value: 7.2, unit: 'mmol/L' }, flag: 'H' })],
    [
      'a critically low one',
      anObservation({ value: { kind: 'quantity', value: 2.1, unit: 'mmol/L' }, flag: 'LL' }),
    ],
    [
      'a quantity on the edge of its range',
      anObservation({ value: { kind: 'quantity', value: 6.1, unit: 'mmol/L' } }),
    ],
    ['an open-ended range', anObservation({ referenceRange: { low: null, high: 6.1 } })],
    ['a quantity the reporter flags without a range', anObservation({ referenceRange: null, flag: 'H' })],
    [
      'a coded finding',
      anObservation({
        itemCode: 'LAB-HBSAG',
        loinc: '5196-1',
        value: { kind: 'coded', system: 'local', code: 'POS', display: '阳性' },
        referenceRange: null,
        flag: 'A',
      }),
    ],
    [
      'a written finding',
      anObservation({ value: { kind: 'text', text: '未见异常' }, referenceRange: null, loinc: null }),
    ],
  ])('takes %s', (_, observation) => {
    expect(sut(observation, 'o')).toEqual([]);
  });

  it.each([
    ['above the range flagged normal', { value: 7.2, flag: 'N' }, 'CONTRADICTS_RANGE'],
    ['below the range flagged high', { value: 2.1, flag: 'HH' }, 'CONTRADICTS_RANGE'],
    ['within the range flagged low', { value: 5.0, flag: 'L' }, 'CONTRADICTS_RANGE'],
    ['a quantity flagged abnormal', { value: 7.2, flag: 'A' }, 'CONTRADICTS_RANGE'],
  ] as const)('refuses a value %s', (_, { value, flag }, reason) => {
    expect(problems(anObservation({ value: { kind: 'quantity', value, unit: 'mmol/L' }, flag }))).toEqual([
      ['o.flag', reason],
    ]);
  });

  it('names every bad field at once', () => {
    const observation = anObservation({
      itemCode: 'glu',
      loinc: '14771-9',
      name: '',
      value: { kind: 'quantity', value: Number.NaN, unit: '' },
      referenceRange: { low: 6, high: 3 },
    });

    expect(problems(observation)).toEqual([
      ['o.itemCode', 'INVALID_FORMAT'],
      ['o.loinc', 'INVALID_CHECK_DIGIT'],
      ['o.name', 'INVALID_LENGTH'],
      ['o.value.value', 'NOT_A_NUMBER'],
      ['o.value.unit', 'INVALID_LENGTH'],
      ['o.referenceRange', 'LOW_ABOVE_HIGH'],
    ]);
  });

  it('refuses a range on a finding that is not a quantity, a range with no end, and a critical flag on a coded finding', () => {
    const coded = { kind: 'coded' as const, system: 'local', code: 'POS', display: '阳性' };

    expect(problems(anObservation({ value: coded, flag: 'A' }))).toEqual([
      ['o.referenceRange', 'NOT_APPLICABLE'],
    ]);
    expect(problems(anObservation({ referenceRange: { low: null, high: null } }))).toEqual([
      ['o.referenceRange', 'REQUIRED'],
    ]);
    expect(problems(anObservation({ value: coded, referenceRange: null, flag: 'HH' }))).toEqual([
      ['o.flag', 'NOT_APPLICABLE'],
    ]);
  });

  it('refuses an unknown flag', () => {
    expect(problems(anObservation({ flag: 'X' as never }))).toEqual([['o.flag', 'UNKNOWN_VALUE']]);
  });
});
