import { ResidentId, residentIdCheckCharacter, residentIdProblem } from './resident-id';

describe(ResidentId.name, () => {
  // Published GB 11643 example numbers.
  it.each(['11010519491231002X', '440524198001010013'])('accepts the valid number %s', (id) => {
    expect(residentIdProblem(id)).toBeNull();
  });

  it('derives birth date and sex instead of asking for them', () => {
    const sut = ResidentId.parse('11010519491231002x') as ResidentId;

    expect(sut.value).toBe('11010519491231002X');
    expect(sut.birthDate).toBe('1949-12-31');
    expect(sut.sex).toBe('female');
    expect(sut.regionCode).toBe('110105');
  });

  it.each([
    ['110105194912310021', 'INVALID_CHECK_CHARACTER'],
    ['11010519491231002', 'INVALID_LENGTH'],
    ['1101051949123100AX', 'INVALID_CHARACTERS'],
    ['110105194902300021', 'INVALID_BIRTH_DATE'],
  ])('refuses %s with %s', (id, problem) => {
    expect(ResidentId.parse(id)).toBe(problem);
  });

  it('computes the MOD 11-2 check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052419800101001')).toBe('3');
  });
});
