import { ValidationError } from '@medgrid/errors';
import { aDiseaseCriteriaInput } from '../test/disease-criteria.factory';
import { DiseaseCriteria, type DiseaseCriteriaInput } from './disease-criteria';

function violations(overrides: Partial<DiseaseCriteriaInput> | Record<string, unknown>): [string, string][] {
  try {
    DiseaseCriteria.create({ ...aDiseaseCriteriaInput(), ...overrides });
  } catch (error) {
    if (error instanceof ValidationError) return error.violations.map((v) => [v.field, v.reason]);
    throw error;
  }
  return [];
}

const input = aDiseaseCriteriaInput();
const severe = input.upwardIndications[0]!;
const secondary = input.upwardIndications[1]!;
const atTarget = input.downwardCriteria[0]!;

describe(DiseaseCriteria.name, () => {
  it('builds an entry with trimmed texts and its coverage expanded to prefixes', () => {
    const sut = DiseaseCriteria.create(
      aDiseaseCriteriaInput({
        covers: [' I60-I62 ', 'I64'],
        nameZh: ' 急性脑卒中 ',
        specialtyCode: ' 03.03',
        primaryManageable: false,
        greenChannel: 'stroke',
        upwardIndications: [{ code: ' STROKE_FOCAL_DEFICIT ', zh: ' 突发偏瘫 ', en: ' Sudden hemiparesis ' }],
      }),
    );

    expect(sut).toMatchObject({
      covers: ['I60-I62', 'I64'],
      prefixes: ['I60', 'I61', 'I62', 'I64'],
      nameZh: '急性脑卒中',
      specialtyCode: '03.03',
      greenChannel: 'stroke',
      upwardIndications: [{ code: 'STROKE_FOCAL_DEFICIT', zh: '突发偏瘫', en: 'Sudden hemiparesis' }],
    });
    expect(sut.label).toBe('急性脑卒中 (I60-I62, I64)');
  });

  it('cannot be changed after it is built', () => {
    const sut = DiseaseCriteria.create(aDiseaseCriteriaInput());

    expect(Object.isFrozen(sut.covers)).toBe(true);
    expect(Object.isFrozen(sut.prefixes)).toBe(true);
    expect(Object.isFrozen(sut.upwardIndications)).toBe(true);
    expect(Object.isFrozen(sut.upwardIndications[0])).toBe(true);
    expect(Object.isFrozen(sut.sources[0])).toBe(true);
  });

  it('keeps no reference to the caller’s arrays', () => {
    const covers = ['I10'];
    const sut = DiseaseCriteria.create(aDiseaseCriteriaInput({ covers }));

    covers.push('I11');

    expect(sut.covers).toEqual(['I10']);
  });

  it('covers every code below its prefixes and nothing beside them', () => {
    const sut = DiseaseCriteria.create(aDiseaseCriteriaInput({ covers: ['I10', 'E11.2-E11.3'] }));

    expect(['I10', 'I10.x00', 'E11.2', 'E11.300'].map((code) => sut.coversCode(code))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['I11', 'E11', 'E11.4', 'E11.9'].map((code) => sut.coversCode(code))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('finds an indication or criterion by code, each only in its own list', () => {
    const sut = DiseaseCriteria.create(aDiseaseCriteriaInput());

    expect(sut.upwardIndication('HTN_SEVERE')).toEqual(severe);
    expect(sut.downwardCriterion('HTN_BP_AT_TARGET')).toEqual(atTarget);
    expect(sut.upwardIndication('HTN_BP_AT_TARGET')).toBeUndefined();
    expect(sut.downwardCriterion('HTN_SEVERE')).toBeUndefined();
    expect(sut.upwardIndication('htn_severe')).toBeUndefined();
  });

  it.each<[string, Partial<DiseaseCriteriaInput>, [string, string][]]>([
    ['no coverage', { covers: [] }, [['covers', 'REQUIRED']]],
    ['a name for a code', { covers: ['I10', 'hypertension'] }, [['covers[1]', 'INVALID_FORMAT']]],
    ['a falling range', { covers: ['I64-I60'] }, [['covers[0]', 'INVALID_RANGE']]],
    ['a code inside another of its own', { covers: ['E11', 'E11.2'] }, [['covers[1]', 'OVERLAPPING']]],
    ['a code inside its own range', { covers: ['I60-I64', 'I63'] }, [['covers[1]', 'OVERLAPPING']]],
    ['a blank Chinese name', { nameZh: '  ' }, [['nameZh', 'REQUIRED']]],
    ['an English name given as Chinese', { nameZh: 'Hypertension' }, [['nameZh', 'NOT_CHINESE']]],
    ['a Chinese name given as English', { nameEn: '高血压' }, [['nameEn', 'NOT_ENGLISH']]],
    ['an overlong name', { nameZh: '高'.repeat(101) }, [['nameZh', 'TOO_LONG']]],
    ['a missing specialty', { specialtyCode: '' }, [['specialtyCode', 'REQUIRED']]],
    ['a badly formed specialty', { specialtyCode: '3.4' }, [['specialtyCode', 'INVALID_FORMAT']]],
    ['a specialty not in the 名录', { specialtyCode: '03.99' }, [['specialtyCode', 'UNKNOWN_SPECIALTY']]],
    ['an unknown green channel', { greenChannel: 'cath-lab' as never }, [['greenChannel', 'INVALID_VALUE']]],
    [
      'a green-channel disease claimed manageable in primary care',
      { greenChannel: 'chest-pain', primaryManageable: true },
      [['primaryManageable', 'GREEN_CHANNEL_CONFLICT']],
    ],
    ['no upward indication', { upwardIndications: [] }, [['upwardIndications', 'REQUIRED']]],
    ['no downward criterion', { downwardCriteria: [] }, [['downwardCriteria', 'REQUIRED']]],
    [
      'an indication code not in UPPER_SNAKE_CASE',
      { upwardIndications: [{ ...severe, code: 'htn-severe' }] },
      [['upwardIndications[0].code', 'INVALID_FORMAT']],
    ],
    [
      'an indication without a code',
      { upwardIndications: [{ ...severe, code: ' ' }] },
      [['upwardIndications[0].code', 'REQUIRED']],
    ],
    [
      'an indication code used twice',
      { upwardIndications: [severe, { ...secondary, code: 'HTN_SEVERE' }] },
      [['upwardIndications[1].code', 'DUPLICATE']],
    ],
    [
      'a stability criterion reusing an indication code',
      { downwardCriteria: [{ ...atTarget, code: 'HTN_SEVERE' }] },
      [['downwardCriteria[0].code', 'DUPLICATE']],
    ],
    [
      'an indication whose Chinese text is English',
      { upwardIndications: [{ ...severe, zh: 'BP high' }] },
      [['upwardIndications[0].zh', 'NOT_CHINESE']],
    ],
    [
      'a stability criterion without English text',
      { downwardCriteria: [{ ...atTarget, en: '' }] },
      [['downwardCriteria[0].en', 'REQUIRED']],
    ],
    ['no source', { sources: [] }, [['sources', 'REQUIRED']]],
    [
      'only a professional guideline as source',
      { sources: [{ kind: 'professional', issuer: '中华医学会', title: '慢性心力衰竭基层诊疗指南' }] },
      [['sources', 'NO_OFFICIAL_GUIDE']],
    ],
    [
      'a source without a title',
      { sources: [{ kind: 'national', issuer: '国家卫生健康委', title: '' }] },
      [['sources[0].title', 'REQUIRED']],
    ],
    [
      'a source of an unknown kind',
      {
        sources: [input.sources[0]!, { kind: 'blog' as never, issuer: '某公众号', title: '高血压那些事' }],
      },
      [['sources[1].kind', 'INVALID_VALUE']],
    ],
  ])('refuses %s, naming the field', (_, overrides, expected) => {
    expect(violations(overrides)).toEqual(expected);
  });

  it('reports every bad field of an entry at once, in its message too', () => {
    const act = () =>
      DiseaseCriteria.create(aDiseaseCriteriaInput({ covers: ['X'], nameEn: '', specialtyCode: '99' }));

    expect(act).toThrow(ValidationError);
    expect(act).toThrow(/covers\[0\]: .*nameEn: is required.*specialtyCode: 99 is not in/);
  });

  it('checks input from untyped configuration instead of trusting its types', () => {
    expect(
      violations({
        covers: 'I10',
        primaryManageable: 'yes',
        upwardIndications: [null],
        sources: [{ kind: 'national' }],
      }),
    ).toEqual([
      ['covers', 'REQUIRED'],
      ['primaryManageable', 'REQUIRED'],
      ['upwardIndications[0].code', 'REQUIRED'],
      ['upwardIndications[0].zh', 'REQUIRED'],
      ['upwardIndications[0].en', 'REQUIRED'],
      ['sources[0].issuer', 'REQUIRED'],
      ['sources[0].title', 'REQUIRED'],
    ]);
  });
});
