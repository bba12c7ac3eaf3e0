/**
 * The 18-character unified social credit code (统一社会信用代码, GB 32100-2015)
 * that identifies a legal entity such as a hospital: registration authority,
 * entity type, 6-digit region, 9-character organisation code, and a check
 * character (weighted MOD 31 over the 31-character alphabet below).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeProblem = 'INVALID_LENGTH' | 'INVALID_CHARACTERS' | 'INVALID_CHECK_CHARACTER';

export const CREDIT_CODE_PROBLEM_TEXT: Record<CreditCodeProblem, string> = {
  INVALID_LENGTH: 'must be 18 characters (GB 32100)',
  INVALID_CHARACTERS: 'may use only digits and the letters of GB 32100 (no I, O, S, V, Z)',
  INVALID_CHECK_CHARACTER: 'check character does not match (GB 32100 MOD 31)',
};

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Why a string is not a valid unified social credit code, or null when it is one. */
export function creditCodeProblem(value: string): CreditCodeProblem | null {
  if (value.length !== 18) return 'INVALID_LENGTH';
  if (!SHAPE.test(value)) return 'INVALID_CHARACTERS';
  if (creditCodeCheckCharacter(value.slice(0, 17)) !== value[17]) return 'INVALID_CHECK_CHARACTER';
  return null;
}
