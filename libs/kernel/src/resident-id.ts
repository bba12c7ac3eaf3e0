/**
 * The 18-character citizen identity number of GB 11643-1999: a 6-digit
 * administrative region code, an 8-digit birth date (YYYYMMDD), a 3-digit
 * sequence (odd for men, even for women) and a check character computed with
 * ISO 7064 MOD 11-2 (0-9 or X).
 */
import { localDate } from './local-date';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export type ResidentIdProblem =
  | 'INVALID_LENGTH'
  | 'INVALID_CHARACTERS'
  | 'INVALID_BIRTH_DATE'
  | 'BIRTH_DATE_IN_FUTURE'
  | 'INVALID_CHECK_CHARACTER';

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Why a string is not a valid resident ID, or null when it is one. This is the
 * one rule every service applies. The check character alone does not make a
 * number real: the birth date must be a calendar date from 1900-01-01 up to
 * today, and "today" is the Asia/Shanghai date of `now` (a child born just
 * after midnight in China is registered while UTC still shows the day before).
 */
export function residentIdProblem(value: string, now: Date = new Date()): ResidentIdProblem | null {
  if (value.length !== 18) return 'INVALID_LENGTH';
  if (!SHAPE.test(value)) return 'INVALID_CHARACTERS';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return 'INVALID_BIRTH_DATE';
  if (birthDateOf(value) > localDate(now)) return 'BIRTH_DATE_IN_FUTURE';
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) return 'INVALID_CHECK_CHARACTER';
  return null;
}

/** YYYY-MM-DD from characters 7-14, so it compares with local dates as a string. */
function birthDateOf(value: string): string {
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

export const RESIDENT_ID_PROBLEM_TEXT: Record<ResidentIdProblem, string> = {
  INVALID_LENGTH: 'must be 18 characters (GB 11643)',
  INVALID_CHARACTERS: 'must be 17 digits followed by a digit or X',
  INVALID_BIRTH_DATE: 'characters 7-14 must be a real birth date (YYYYMMDD) from 1900-01-01',
  BIRTH_DATE_IN_FUTURE: 'characters 7-14 are a birth date after today (Asia/Shanghai)',
  INVALID_CHECK_CHARACTER: 'check character does not match (ISO 7064 MOD 11-2)',
};

/** A validated resident ID; birth date and sex are derived, never typed twice. */
export class ResidentId {
  private constructor(readonly value: string) {}

  /**
   * Accepts surrounding blanks and a lower-case x for the check character;
   * returns the problem otherwise. `now` decides what "today" is for the birth date.
   */
  static parse(raw: string, now: Date = new Date()): ResidentId | ResidentIdProblem {
    const value = raw.trim().toUpperCase();
    return residentIdProblem(value, now) ?? new ResidentId(value);
  }

  get birthDate(): string {
    return birthDateOf(this.value);
  }

  get sex(): 'male' | 'female' {
    return Number(this.value[16]) % 2 === 1 ? 'male' : 'female';
  }

  get regionCode(): string {
    return this.value.slice(0, 6);
  }
}
