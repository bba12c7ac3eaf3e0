import { creditCodeProblem, residentIdProblem } from '@medgrid/kernel';
import { aCreditCode, aResidentId } from './factories';

describe(aResidentId.name, () => {
  it('makes valid, distinct resident IDs of the requested sex', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => aResidentId(i * 37 + 1));

    expect(ids.every((id) => residentIdProblem(id) === null)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Number(aResidentId(5, 'female')[16]) % 2).toBe(0);
  });
});

describe(aCreditCode.name, () => {
  it('makes valid, distinct unified social credit codes', () => {
    const codes = Array.from({ length: 500 }, (_, i) => aCreditCode(i * 7919 + 3));

    expect(codes.every((code) => creditCodeProblem(code) === null)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
