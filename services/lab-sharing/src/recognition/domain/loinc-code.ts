/**
 * A LOINC code: 1-7 digits, a hyphen and a mod-10 check digit (the Luhn algorithm over the digits before the
 * hyphen, as LOINC's own users' guide computes it). The check digit catches most typing slips in a code copied
 * from a laboratory's system.
 */
const SHAPE = /^(\d{1,7})-(\d)$/;

export function loincCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    const weighted = i % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return (10 - (sum % 10)) % 10;
}

export type LoincProblem = 'INVALID_FORMAT' | 'INVALID_CHECK_DIGIT';

export function loincProblem(value: string): LoincProblem | null {
  const match = SHAPE.exec(value);
  if (!match) return 'INVALID_FORMAT';
  return loincCheckDigit(match[1]!) === Number(match[2]) ? null : 'INVALID_CHECK_DIGIT';
}

export const LOINC_PROBLEM_TEXT: Readonly<Record<LoincProblem, string>> = {
  INVALID_FORMAT: 'a LOINC code is 1-7 digits, a hyphen and a check digit (e.g. 2345-7)',
  INVALID_CHECK_DIGIT: 'the check digit does not match (LOINC mod 10)',
};
