// Synthetic patients with valid GB 11643-1999 resident identity numbers: a 6-digit region
// code, an 8-digit birth date, a 3-digit sequence and the ISO 7064 MOD 11-2 check character.
// The scheduling service refuses any other number, so the benchmark must never send one.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function residentIdCheckCharacter(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

// The demo city's districts: 黄埔区, 番禺区, 花都区 (Guangzhou).
const REGIONS = ['440112', '440113', '440114'];
const FIRST_BIRTH_DAY = Date.UTC(1940, 0, 1);
const BIRTH_DAYS = 29220; // 1940-01-01 .. 2019-12-31
const SEQUENCES = 999; // 001..999 (odd for men, even for women)
const SPACE = BIRTH_DAYS * SEQUENCES * REGIONS.length; // distinct numbers this generator can make
// A prime that does not divide SPACE, so n -> (n * STRIDE) mod SPACE is a bijection: patient
// n and n + 1 get unrelated birth dates and sequences instead of consecutive days.
const STRIDE = 7919;

/** The n-th synthetic resident (0 <= n < 87,572,340); distinct n give distinct numbers. */
export function residentId(n) {
  if (!Number.isInteger(n) || n < 0 || n >= SPACE) throw new Error(`resident number ${n} out of range`);
  const k = (n * STRIDE) % SPACE; // < 2^53, exact in a double
  const day = k % BIRTH_DAYS;
  const rest = Math.floor(k / BIRTH_DAYS);
  const sequence = 1 + (rest % SEQUENCES);
  const region = REGIONS[Math.floor(rest / SEQUENCES)];
  const birth = new Date(FIRST_BIRTH_DAY + day * 86400000);
  const ymd =
    String(birth.getUTCFullYear()) +
    String(birth.getUTCMonth() + 1).padStart(2, '0') +
    String(birth.getUTCDate()).padStart(2, '0');
  const first17 = region + ymd + String(sequence).padStart(3, '0');
  return first17 + residentIdCheckCharacter(first17);
}

// Published GB 11643 examples: refuse to run with a broken check-character function.
if (
  residentIdCheckCharacter('11010519491231002') !== 'X' ||
  residentIdCheckCharacter('44052419800101001') !== '3'
) {
  throw new Error('residentIdCheckCharacter disagrees with the published GB 11643 examples');
}
