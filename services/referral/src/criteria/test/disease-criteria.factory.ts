import { DiseaseCriteria, type DiseaseCriteriaInput } from '../domain/disease-criteria';

/** A valid hypertension entry; override only what a test is about. */
export function aDiseaseCriteriaInput(overrides: Partial<DiseaseCriteriaInput> = {}): DiseaseCriteriaInput {
  return {
    covers: ['I10'],
    nameZh: '高血压',
    nameEn: 'Hypertension',
    specialtyCode: '03.04',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      { code: 'HTN_SEVERE', zh: '规律治疗下血压仍≥180/110 mmHg', en: 'BP ≥180/110 mmHg despite treatment' },
      { code: 'HTN_SECONDARY_SUSPECTED', zh: '怀疑继发性高血压', en: 'Suspected secondary hypertension' },
    ],
    downwardCriteria: [
      { code: 'HTN_BP_AT_TARGET', zh: '血压达标≥2周', en: 'BP at target for ≥2 weeks' },
      { code: 'HTN_NO_ACUTE_COMPLICATION', zh: '无急性并发症', en: 'No acute complications' },
    ],
    sources: [{ kind: 'national', issuer: '国家卫生计生委办公厅', title: '高血压分级诊疗技术方案' }],
    ...overrides,
  };
}

export function aDiseaseCriteria(overrides: Partial<DiseaseCriteriaInput> = {}): DiseaseCriteria {
  return DiseaseCriteria.create(aDiseaseCriteriaInput(overrides));
}
