import { specialtyCodeProblem, specialtyName } from './specialty-code';

describe(specialtyCodeProblem.name, () => {
  const sut = specialtyCodeProblem;

  it.each([
    '02',
    '03',
    '03.04',
    '03.11',
    '04.03',
    '05.02',
    '10',
    '11.02',
    '15.01',
    '16.03',
    '17',
    '21',
    '52',
  ])('accepts the 诊疗科目 code %s', (code) => expect(sut(code)).toBeUndefined());

  it.each(['', '3', '03.4', '0304', '03-04', '03.04.01', 'A03.04', ' 03'])(
    'refuses %j as badly formed',
    (code) => expect(sut(code)).toBe('INVALID_FORMAT'),
  );

  it.each(['00', '29', '03.12', '10.01', '99'])('refuses %s as not in the 名录', (code) =>
    expect(sut(code)).toBe('UNKNOWN_SPECIALTY'),
  );
});

describe(specialtyName.name, () => {
  const sut = specialtyName;

  it('names a subject in Chinese', () => {
    expect(sut('03.04')).toBe('心血管内科专业');
    expect(sut('21')).toBe('康复医学科');
    expect(sut('29')).toBeUndefined();
    expect(sut('toString')).toBeUndefined();
  });
});
