import { describe, expect, it } from 'vitest';
import { type DiseaseCriteria } from '../api/catalogue-types';
import {
  checkCriteria,
  type CriteriaDraft,
  coverageOf,
  coversOf,
  criteriaDraftOf,
  criteriaEntryOf,
  emptyCriteriaDraft,
} from './criteria-form';

const hypertension: DiseaseCriteria = {
  key: 'I10-I13',
  covers: ['I10-I13', 'I15'],
  nameZh: '高血压',
  nameEn: 'Hypertension',
  specialtyCode: '03.04',
  primaryManageable: true,
  greenChannel: 'GREEN_CHANNEL_UNSPECIFIED',
  upwardIndications: [{ code: 'HTN_UNCONTROLLED', zh: '血压控制不佳', en: 'Uncontrolled blood pressure' }],
  downwardCriteria: [{ code: 'HTN_STABLE', zh: '血压稳定', en: 'Blood pressure stable' }],
  sources: [{ kind: 'national', issuer: '国家卫生计生委', title: '高血压分级诊疗技术方案' }],
  updatedAt: '2026-12-01T00:00:00Z',
};

const draft = (changes: Partial<CriteriaDraft> = {}): CriteriaDraft => ({
  ...criteriaDraftOf(hypertension),
  ...changes,
});

describe(criteriaEntryOf.name, () => {
  it('gives back the entry it was drafted from, without the key and time the catalogue keeps', () => {
    const { key: _key, updatedAt: _at, ...entry } = hypertension;

    expect(criteriaEntryOf(criteriaDraftOf(hypertension))).toEqual(entry);
  });

  it('reads the covered codes from one text split at commas of either width and spaces, texts trimmed', () => {
    expect(coversOf(' I10-I13，I15  E11 ,')).toEqual(['I10-I13', 'I15', 'E11']);
    expect(criteriaEntryOf(draft({ nameZh: ' 高血压 ' })).nameZh).toBe('高血压');
  });
});

describe(coverageOf.name, () => {
  it('expands a code or a rising range of sibling codes, and refuses anything else', () => {
    expect(coverageOf('E11.9')).toEqual(['E11.9']);
    expect(coverageOf('I60-I62')).toEqual(['I60', 'I61', 'I62']);
    expect(coverageOf('B18.0-B18.1')).toEqual(['B18.0', 'B18.1']);
    expect(coverageOf('I13-I10')).toBe('INVALID_RANGE');
    expect(coverageOf('I10-E11')).toBe('INVALID_RANGE');
    expect(coverageOf('i10')).toBe('INVALID_FORMAT');
    expect(coverageOf('U07')).toBe('INVALID_FORMAT');
  });
});

describe(checkCriteria.name, () => {
  it('finds nothing wrong with a whole entry', () => {
    expect(checkCriteria(draft())).toEqual([]);
  });

  it('names every field of an empty form as the service names it', () => {
    const problems = checkCriteria(emptyCriteriaDraft()).map((p) => [p.field, p.reason]);

    expect(problems).toEqual([
      ['entry.covers', 'REQUIRED'],
      ['entry.nameZh', 'REQUIRED'],
      ['entry.nameEn', 'REQUIRED'],
      ['entry.specialtyCode', 'REQUIRED'],
      ['entry.upwardIndications[0].code', 'REQUIRED'],
      ['entry.upwardIndications[0].zh', 'REQUIRED'],
      ['entry.upwardIndications[0].en', 'REQUIRED'],
      ['entry.downwardCriteria[0].code', 'REQUIRED'],
      ['entry.downwardCriteria[0].zh', 'REQUIRED'],
      ['entry.downwardCriteria[0].en', 'REQUIRED'],
      ['entry.sources[0].issuer', 'REQUIRED'],
      ['entry.sources[0].title', 'REQUIRED'],
    ]);
  });

  it('refuses codes that overlap, texts in the wrong language, a bad specialty and a repeated criterion code', () => {
    const problems = checkCriteria(
      draft({
        covers: 'I10-I13, I11.9, I1',
        nameEn: '高血压',
        nameZh: 'Hypertension',
        specialtyCode: '3.4',
        downwardCriteria: [{ code: 'HTN_UNCONTROLLED', zh: '血压稳定', en: 'stable' }],
      }),
    ).map((p) => [p.field, p.reason]);

    expect(problems).toEqual([
      ['entry.covers[1]', 'OVERLAPPING'],
      ['entry.covers[2]', 'INVALID_FORMAT'],
      ['entry.nameZh', 'NOT_CHINESE'],
      ['entry.nameEn', 'NOT_ENGLISH'],
      ['entry.specialtyCode', 'INVALID_FORMAT'],
      ['entry.downwardCriteria[0].code', 'DUPLICATE'],
    ]);
  });

  it('refuses a green-channel disease managed in primary care, and criteria from no official guide', () => {
    const problems = checkCriteria(
      draft({
        greenChannel: 'GREEN_CHANNEL_STROKE',
        primaryManageable: true,
        sources: [{ kind: 'professional', issuer: '中华医学会', title: '指南' }],
        upwardIndications: [{ code: 'bad-code', zh: '指征', en: 'Indication' }],
      }),
    ).map((p) => [p.field, p.reason]);

    expect(problems).toEqual([
      ['entry.primaryManageable', 'GREEN_CHANNEL_CONFLICT'],
      ['entry.upwardIndications[0].code', 'INVALID_FORMAT'],
      ['entry.sources', 'NO_OFFICIAL_GUIDE'],
    ]);
  });
});
