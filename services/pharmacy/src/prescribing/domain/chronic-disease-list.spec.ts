import { refusal } from '../../test/refusal';
import {
  acuteDiagnoses,
  chronicDiseaseList,
  DEFAULT_CHRONIC_DISEASES,
  icd10Under,
  listedDiseases,
} from './chronic-disease-list';
import { PrescribingErrorCode } from './prescribing-error';

describe(icd10Under.name, () => {
  const sut = icd10Under;

  it.each([
    ['I10', 'I10', true],
    ['i10 ', 'I10', true],
    ['I25.1', 'I25', true],
    ['I20.81', 'I20.8', true],
    ['I100', 'I10', false],
    ['I20.0', 'I20.8', false],
    ['E11', 'E1', false],
  ])('%s under %s: %s', (code, prefix, under) => {
    expect(sut(code, prefix)).toBe(under);
  });
});

describe(listedDiseases.name, () => {
  const sut = (codes: string[]) => listedDiseases(codes, DEFAULT_CHRONIC_DISEASES);

  it.each([
    [['I10'], ['hypertension']],
    [['I11.9'], ['hypertension']],
    [['E11.9'], ['type-2-diabetes']],
    [['J44.9'], ['copd']],
    [['I25.1'], ['coronary-heart-disease']],
    [['I20.9'], ['coronary-heart-disease']],
    [
      ['E11.9', 'I10'],
      ['hypertension', 'type-2-diabetes'],
    ],
  ])('finds %j on the list as %j', (codes, diseases) => {
    expect(sut(codes)).toEqual(diseases);
  });

  it.each([
    ['an acute myocardial infarction', ['I21.9']],
    ['unstable angina', ['I20.0']],
    ['a COPD exacerbation', ['J44.1']],
    ['diabetic ketoacidosis', ['E11.1']],
    ['type 1 diabetes', ['E10.9']],
    ['an upper respiratory infection', ['J06.9']],
    ['no diagnosis', []],
  ])('finds nothing listed for %s', (_, codes) => {
    expect(sut(codes)).toEqual([]);
  });
});

describe(acuteDiagnoses.name, () => {
  const sut = (codes: string[]) => acuteDiagnoses(codes, DEFAULT_CHRONIC_DISEASES);

  it('names the acute diagnoses among chronic ones', () => {
    expect(sut(['I10', 'I21.0', 'E11.9', 'I63.9'])).toEqual(['I21.0', 'I63.9']);
    expect(sut(['I10', 'I25.1'])).toEqual([]);
  });
});

describe(chronicDiseaseList.name, () => {
  const sut = chronicDiseaseList;

  it('takes the default list and a city list that adds stroke sequelae', () => {
    expect(sut(DEFAULT_CHRONIC_DISEASES)).toBe(DEFAULT_CHRONIC_DISEASES);
    const withStroke = {
      ...DEFAULT_CHRONIC_DISEASES,
      diseases: [...DEFAULT_CHRONIC_DISEASES.diseases, { name: 'stroke-sequelae', codes: ['I69'] }],
    };
    expect(sut(withStroke)).toBe(withStroke);
  });

  it('refuses a code that is not ICD-10, an unnamed disease and an empty list', () => {
    const bad = { diseases: [{ name: 'gout', codes: ['M10', 'gout'] }], acute: [] };

    expect(refusal(() => sut(bad, 'CHRONIC_DISEASES'))).toMatchObject({
      code: PrescribingErrorCode.InvalidDiseaseList,
      message: 'not ICD-10 codes: gout',
      violations: [{ field: 'CHRONIC_DISEASES' }],
    });
    expect(refusal(() => sut({ diseases: [{ name: ' ', codes: ['M10'] }], acute: [] })).code).toBe(
      PrescribingErrorCode.InvalidDiseaseList,
    );
    expect(refusal(() => sut({ diseases: [], acute: [] })).code).toBe(
      PrescribingErrorCode.InvalidDiseaseList,
    );
  });
});
