// Prints where a Node CPU profile (.cpuprofile, from `node --cpu-prof` or the inspector's Profiler) spent its
// time: by library first (grpc-js, OpenTelemetry, pino, prom-client, protobuf, each of our @medgrid/* libraries,
// Node's own code by area; code-places.js), then the functions with the most self time, and the same summed per
// package or file. The benchmarks run it on the profile of the service they started (scripts/bench-lab-sharing.sh
// and bench-pharmacy.sh with BENCH_NODE_PROF=1, scripts/bench-platform.sh always).
//
//   node bench/lib/cpu-profile-top.js <file.cpuprofile> [how many, default 25] [--calls <n>] [--json <file>]
//
// --calls: the calls the process answered while profiled; each library's time is then also given in
// microseconds of CPU per call. --json: the library table as JSON too, for a report.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { library, owner, where } = require('./code-places');

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
};
const calls = Number(option('--calls') ?? 0);
const jsonOut = option('--json');
const [file, many = '25'] = args;
if (!file || !(calls >= 0)) {
  console.error('usage: node cpu-profile-top.js <file.cpuprofile> [count] [--calls <n>] [--json <file>]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) || 0) + 1);
const total = profile.samples.length;

const placeOf = (id) => {
  const { callFrame } = byId.get(id);
  return where(callFrame.url, callFrame.functionName);
};

const byFunction = new Map();
const byPlace = new Map();
const byLibrary = new Map();
const attributed = new Map();
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const parentNode = (node) => byId.get(parent.get(node.id));
const add = (map, key, n) => map.set(key, (map.get(key) || 0) + n);
for (const [id, count] of hits) {
  const { callFrame } = byId.get(id);
  const place = placeOf(id);
  add(byFunction, `${callFrame.functionName || '(anonymous)'}  ${place}:${callFrame.lineNumber + 1}`, count);
  add(byPlace, place, count);
  add(byLibrary, library(place), count);
  // Node's own code (http2, streams, timers, async hooks) and built-ins count to the library that called them.
  add(attributed, owner(byId.get(id), parentNode), count);
}
// Inclusive time: a sample counts once for every function and package on its (synchronous) stack.
const inclusiveFunction = new Map();
const inclusivePlace = new Map();
for (const [id, count] of hits) {
  const seenF = new Set();
  const seenP = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const { callFrame } = byId.get(at);
    if (!callFrame.url) continue;
    const place = where(callFrame.url, callFrame.functionName);
    seenF.add(`${callFrame.functionName || '(anonymous)'}  ${place}:${callFrame.lineNumber + 1}`);
    seenP.add(place);
  }
  for (const f of seenF) add(inclusiveFunction, f, count);
  for (const p of seenP) add(inclusivePlace, p, count);
}

const seconds = (profile.endTime - profile.startTime) / 1e6;
const idle =
  hits.size === 0 ? 0 : [...hits].filter(([id]) => placeOf(id) === '(idle)').reduce((n, [, c]) => n + c, 0);
const busy = total - idle;
const pct = (n, of = total) => `${((100 * n) / of).toFixed(1).padStart(5)}%`;
const top = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(many));
/** Microseconds of CPU per call that `n` samples stand for. */
const perCall = (n) => (calls > 0 ? (((n / total) * seconds) / calls) * 1e6 : undefined);
const busySeconds = (busy / total) * seconds;

console.log(
  `${total} samples over ${seconds.toFixed(1)} s; busy ${pct(busy)} of it (${busySeconds.toFixed(1)} s)`,
);
if (calls > 0)
  console.log(
    `${calls} calls answered while profiled: ${perCall(busy).toFixed(0)} µs of busy main thread per call`,
  );
const libraryRows = [...attributed.entries()]
  .filter(([lib]) => lib !== '(idle)')
  .sort((a, b) => b[1] - a[1])
  .map(([lib, n]) => ({
    library: lib,
    shareOfBusy: n / busy,
    selfShareOfBusy: (byLibrary.get(lib) || 0) / busy,
    microsPerCall: perCall(n),
  }));
const ourLibraries = libraryRows.filter((r) => r.library.startsWith('@medgrid/'));
console.log(
  "\nby library, busy time (node's own code and built-ins counted to the library that called them; self: the" +
    " library's own functions only):",
);
for (const r of libraryRows)
  console.log(
    `  ${pct(r.shareOfBusy, 1)}  (self ${pct(r.selfShareOfBusy, 1)})` +
      (r.microsPerCall === undefined ? '' : `  ${r.microsPerCall.toFixed(1).padStart(6)} µs/call`) +
      `  ${r.library}`,
  );
const oursShare = ourLibraries.reduce((s, r) => s + r.shareOfBusy, 0);
console.log(
  `  ${pct(oursShare, 1)}` +
    (calls > 0 ? `  ${(perCall(busy) * oursShare).toFixed(1).padStart(6)} µs/call` : '') +
    '  (all of @medgrid/*)',
);
console.log('\nself time by package or file:');
for (const [place, n] of top(byPlace)) console.log(`  ${pct(n)}  ${place}`);
console.log('\nself time by function:');
for (const [name, n] of top(byFunction)) console.log(`  ${pct(n)}  ${name}`);
console.log("\ntotal (inclusive) time by package or file, the repository's own code and its main libraries:");
for (const [place, n] of top(inclusivePlace)) console.log(`  ${pct(n)}  ${place}`);
console.log('\ntotal (inclusive) time by function of the repository (libs/, services/):');
const own = new Map([...inclusiveFunction].filter(([name]) => / (libs|services)\//.test(name)));
for (const [name, n] of top(own)) console.log(`  ${pct(n)}  ${name}`);

if (jsonOut) {
  // Every function with a sample in a thousand of the busy ones, so two profiles can be compared function by function.
  const functions = [...byFunction.entries()]
    .filter(([name, n]) => n >= busy / 1000 && !name.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => ({ function: name, selfShareOfBusy: n / busy, microsPerCall: perCall(n) }));
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        samples: total,
        seconds,
        busySeconds,
        calls,
        microsPerCall: perCall(busy),
        libraries: libraryRows,
        functions,
      },
      null,
      2,
    ),
  );
}
