import { atcSubgroupOf, drugCodeProblem } from './drug-code';

describe(drugCodeProblem.name, () => {
  const sut = drugCodeProblem;

  it.each([
    ['a Western drug code', 'XC08CAA014A001010100535'],
    ['a Chinese patent medicine code', 'ZA04AAX0123B002010100101'.slice(0, 23)],
  ])('takes %s', (_, code) => {
    expect(sut(code)).toBeNull();
  });

  it.each([
    ['a code one character short', 'XC08CAA014A00101010053', 'INVALID_LENGTH'],
    ['a code one character long', 'XC08CAA014A0010101005350', 'INVALID_LENGTH'],
    ['an empty code', '', 'INVALID_LENGTH'],
    ['lower-case letters', 'xc08caa014a001010100535', 'INVALID_FORMAT'],
    ['a hyphen', 'XC08CA-014A001010100535', 'INVALID_FORMAT'],
    ['a kind other than X or Z', 'YC08CAA014A001010100535', 'UNKNOWN_KIND'],
    ['a Western code whose ATC subgroup is not one', 'X0C8CAA014A001010100535', 'INVALID_ATC_GROUP'],
    ['a Western code with a digit in the subgroup letters', 'XC08C1A014A001010100535', 'INVALID_ATC_GROUP'],
  ])('refuses %s', (_, code, problem) => {
    expect(sut(code)).toBe(problem);
  });
});

describe(atcSubgroupOf.name, () => {
  const sut = atcSubgroupOf;

  it('reads the ATC subgroup of a Western drug, none of a Chinese patent medicine', () => {
    expect(sut('XC08CAA014A001010100535')).toBe('C08CA');
    expect(sut('ZA04AAX0123B0020101001')).toBeNull();
  });
});
