import { creditCodeProblem, residentIdProblem } from '@medgrid/kernel';
import { aCreditCode, aResidentId, aResidentIdBornOn } from './factories';

describe(aResidentId.name, () => {
  const sut = aResidentId;

  it('makes valid, distinct resident IDs of the requested sex', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => sut(i * 37 + 1));

    expect(ids.every((id) => residentIdProblem(id) === null)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Number(sut(5, 'female')[16]) % 2).toBe(0);
  });

  it('never makes a birth date after 2008, so its numbers stay valid whatever today is', () => {
    const longAgo = new Date('2009-01-01T00:00:00+08:00');
    const everySeed = Array.from({ length: 25_000 }, (_, seed) => sut(seed));

    expect(everySeed.filter((id) => residentIdProblem(id, longAgo) !== null)).toEqual([]);
    expect(residentIdProblem(sut(10_000_000_123), longAgo)).toBeNull();
  });
});

describe(aResidentIdBornOn.name, () => {
  const sut = aResidentIdBornOn;

  it('makes a number whose only fault, if any, is its birth date', () => {
    const now = new Date('2026-12-05T12:00:00+08:00');

    expect(residentIdProblem(sut('1949-12-31'), now)).toBeNull();
    expect(residentIdProblem(sut('2026-12-06'), now)).toBe('BIRTH_DATE_IN_FUTURE');
    expect(residentIdProblem(sut('2000-02-30'), now)).toBe('INVALID_BIRTH_DATE');
  });
});

describe(aCreditCode.name, () => {
  const sut = aCreditCode;

  it('makes valid, distinct unified social credit codes', () => {
    const codes = Array.from({ length: 500 }, (_, i) => sut(i * 7919 + 3));

    expect(codes.every((code) => creditCodeProblem(code) === null)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
