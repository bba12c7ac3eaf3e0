import { creditCodeCheckCharacter, residentIdCheckCharacter } from '@medgrid/kernel';

let sequence = 0;

/**
 * A valid GB 11643 resident ID: a real Beijing Dongcheng region code, a birth
 * date derived from `seed`, a sequence and the right check character.
 */
export function aResidentId(
  seed = ++sequence,
  sex: 'male' | 'female' = seed % 2 ? 'male' : 'female',
): string {
  const birth = new Date(Date.UTC(1940, 0, 1) + (seed % 25_000) * 86_400_000);
  const date = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  let order = (Math.floor(seed / 25_000) % 499) * 2 + 1;
  if (sex === 'female') order += 1;
  const first17 = `110101${date}${String(order).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/**
 * A resident ID with the right check character for a chosen birth date
 * (YYYY-MM-DD), which need not be a possible one: for tests of the birth-date rule.
 */
export function aResidentIdBornOn(birthDate: string, sequence = 1): string {
  const first17 = `110101${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let creditSequence = 0;

/** A valid GB 32100 unified social credit code of a public institution (12…) in Guangzhou (440100). */
export function aCreditCode(seed = ++creditSequence): string {
  let body = '';
  let n = seed;
  for (let i = 0; i < 9; i++) {
    body = CREDIT_ALPHABET[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `12440100${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}
