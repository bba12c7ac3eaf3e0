import { residentIdCheckCharacter } from '@medgrid/kernel';

/** A valid resident id (GB 11643) of a resident born on 1960-05-12, the sequence told apart by `n`. */
export function aResidentId(n = 1): string {
  const first17 = `44010619600512${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

export const now = new Date('2026-12-05T02:00:00Z');
