import {
  RESIDENT_ID_PROBLEM_TEXT,
  ResidentId,
  residentIdCheckCharacter,
  residentIdProblem,
} from './resident-id';

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

  describe('birth date', () => {
    const withBirthDate = (yyyymmdd: string) => {
      const first17 = `110105${yyyymmdd}002`;
      return first17 + residentIdCheckCharacter(first17);
    };
    // 2026-12-04 16:30 UTC is already 2026-12-05 in Shanghai.
    const now = new Date('2026-12-04T16:30:00Z');

    it.each([
      ['after today in Shanghai', '20261206', 'BIRTH_DATE_IN_FUTURE'],
      ['far in the future', '20991231', 'BIRTH_DATE_IN_FUTURE'],
      ['before 1900-01-01', '18991231', 'INVALID_BIRTH_DATE'],
      ['not a calendar date (30 February)', '20000230', 'INVALID_BIRTH_DATE'],
      ['not a calendar date (29 February of a common year)', '19010229', 'INVALID_BIRTH_DATE'],
      ['month 13', '19801301', 'INVALID_BIRTH_DATE'],
      ['day 00', '19800100', 'INVALID_BIRTH_DATE'],
    ])('refuses a birth date %s', (_, date, problem) => {
      const id = withBirthDate(date);

      expect(residentIdProblem(id, now)).toBe(problem);
      expect(ResidentId.parse(id, now)).toBe(problem);
    });

    it.each([
      ['today in Shanghai (a newborn), though UTC is still on the day before', '20261205'],
      ['1900-01-01', '19000101'],
      ['29 February of a leap year', '20000229'],
    ])('accepts a birth date of %s', (_, date) => {
      expect(residentIdProblem(withBirthDate(date), now)).toBeNull();
    });

    it('judges against the current Shanghai date when no instant is given', () => {
      expect(residentIdProblem(withBirthDate('20991231'))).toBe('BIRTH_DATE_IN_FUTURE');
      expect(ResidentId.parse(withBirthDate('20991231'))).toBe('BIRTH_DATE_IN_FUTURE');
    });

    it('describes every problem', () => {
      expect(RESIDENT_ID_PROBLEM_TEXT.BIRTH_DATE_IN_FUTURE).toMatch(/after today/);
    });
  });

  it('computes the MOD 11-2 check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052419800101001')).toBe('3');
  });
});
