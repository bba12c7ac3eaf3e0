// The shape of the benchmark's result registry, shared by the k6 scenario (which look-ups to make
// and what each must answer) and mirrored in SQL by bench/lab-sharing/functions.sql and results-load.sql
// (which results to load) and lookup.pgbench (the same look-ups as bare SQL).
//
// Resident n (0 <= n < residents) has `perResident` results (at most 12), one per item: result j is
// for item itemIndex(n, j) of the pool (the recognised catalogue items whose validity is at most ten
// years, ordered by code). Result 0 was performed within its item's validity (a hit); results 1..11
// are older than their item's validity (expired). An item between two of a resident's items
// (offset j * step + d, 0 < d < step) is one the resident never had done.
import { residentId } from '../../scheduling/lib/resident-id.js';

export { residentId };

/** Results a resident has at most: the distinct items of a resident are `step` apart in the pool. */
export const MAX_PER_RESIDENT = 12;

/** Distance between two of a resident's items in the pool. */
export function itemStep(items) {
  return Math.floor(items / MAX_PER_RESIDENT);
}

/** Pool index of the item of resident n's j-th result: bench_item_index(n, j, items) in SQL. */
export function itemIndex(n, j, items) {
  return (n * 37 + j * itemStep(items)) % items;
}

/** Pool index of an item resident n never had done: between its j-th and (j+1)-th, d past the j-th. */
export function neverDoneIndex(n, j, d, items) {
  return (n * 37 + j * itemStep(items) + d) % items;
}

/**
 * Look-up number `index`: a patient and an item, and what the answer must hold. `random` gives
 * numbers in [0, 1) (a seeded PRNG, so a run is reproducible). Kinds: `hit` (the resident's
 * still-valid result: one recognised result expected), `expired` (an item the resident had done
 * longer ago than its validity: nothing recognised), `never` (an item the resident never had done).
 */
export function chooseLookup(random, shape) {
  const { residents, perResident, items, hitShare, expiredShare } = shape;
  const n = Math.floor(random() * residents);
  const roll = random();
  const pick = random();
  if (roll < hitShare) return { n, item: itemIndex(n, 0, items), kind: 'hit' };
  if (roll < hitShare + expiredShare && perResident > 1) {
    return { n, item: itemIndex(n, 1 + Math.floor(pick * (perResident - 1)), items), kind: 'expired' };
  }
  const step = itemStep(items);
  const j = Math.floor(pick * MAX_PER_RESIDENT);
  const d = 1 + Math.floor(random() * (step - 1));
  return { n, item: neverDoneIndex(n, j, d, items), kind: 'never' };
}
