import { isIcd10Code } from './icd10-code';

describe(isIcd10Code.name, () => {
  const sut = isIcd10Code;

  it.each(['I10', 'E11.9', 'I21.0', 'I10.x00', 'J44.1'])('accepts %s', (code) =>
    expect(sut(code)).toBe(true),
  );
  it.each(['', 'i10', '110', 'I1', 'I10.', 'U07.1'])('refuses %s', (code) => expect(sut(code)).toBe(false));
});
