import { residentIdCheckCharacter } from '@medgrid/kernel';

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
