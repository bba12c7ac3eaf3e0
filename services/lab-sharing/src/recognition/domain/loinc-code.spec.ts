import { loincCheckDigit, loincProblem } from './loinc-code';

describe(loincProblem.name, () => {
  const sut = loincProblem;

  it.each(['2345-7', '14749-6', '718-7', '4548-4', '58410-2', '600-7'])('takes %s', (code) => {
    expect(sut(code)).toBeNull();
  });

  it.each([
    ['2345-8', 'INVALID_CHECK_DIGIT'],
    ['2354-7', 'INVALID_CHECK_DIGIT'],
    ['23457', 'INVALID_FORMAT'],
    ['2345-', 'INVALID_FORMAT'],
    ['12345678-9', 'INVALID_FORMAT'],
    ['LP12345-6', 'INVALID_FORMAT'],
    [' 2345-7', 'INVALID_FORMAT'],
  ])('refuses %s (%s)', (code, problem) => {
    expect(sut(code)).toBe(problem);
  });

  it('computes the check digit of the users guide example, 12345 → 5', () => {
    expect(loincCheckDigit('12345')).toBe(5);
  });
});
