import { creditCodeCheckCharacter, creditCodeProblem } from './unified-social-credit-code';

describe(creditCodeProblem.name, () => {
  const sut = creditCodeProblem;

  // Published codes of real public institutions (check characters verified by hand).
  it.each(['91350100M000100Y43', '12100000400000624D'])('accepts %s', (code) => {
    expect(sut(code)).toBeNull();
  });

  it.each([
    ['91350100M000100Y44', 'INVALID_CHECK_CHARACTER'],
    ['91350100M000100Y4', 'INVALID_LENGTH'],
    ['91350100M000100I43', 'INVALID_CHARACTERS'],
    ['9135A100M000100Y43', 'INVALID_CHARACTERS'],
  ])('refuses %s with %s', (code, problem) => {
    expect(sut(code)).toBe(problem);
  });

  it('computes the MOD 31 check character', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });
});
