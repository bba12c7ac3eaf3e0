import { setFlagsFromString } from 'node:v8';

/**
 * V8 pretenures objects allocated where many survived a young-generation collection: at 1,000 prescription checks a
 * second, the per-check objects that wait out a group commit or a batched read survive one and V8 starts allocating
 * them straight in the old generation, which then grows to 600 MB of garbage between full collections whose pauses
 * reached 106-190 ms, long enough to put a 15 s step's p99 over 50 ms. Without pretenuring they die young: in the same
 * benchmark (docs/perf.md, "Pharmacy: full collections") no full collection paused more than 35 ms during the steps,
 * p99 stayed 12-26 ms from 1,000 to 1,500 checks a second, and a check cost less CPU (0.54 ms against 0.58-0.59).
 * Set before the service allocates anything of its own: a run with it set here collected as one with the command-line
 * flag did.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
