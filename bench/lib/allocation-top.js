// Prints what a Node process allocated while a sampling heap profile (.heapprofile, from the inspector's
// HeapProfiler.startSampling with the objects collected by GC included) was taken: by library (code-places.js) and
// by function. The garbage collector's share of a CPU profile has no caller of its own; this says whose objects it
// collects. scripts/bench-platform.sh runs it on the service's profile.
//
//   node bench/lib/allocation-top.js <file.heapprofile> [how many, default 20] [--calls <n>] [--json <file>]
//
// --calls: the calls the process answered meanwhile; each library's bytes are then also given per call.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { owner, where } = require('./code-places');

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
};
const calls = Number(option('--calls') ?? 0);
const jsonOut = option('--json');
const [file, many = '20'] = args;
if (!file || !(calls >= 0)) {
  console.error('usage: node allocation-top.js <file.heapprofile> [count] [--calls <n>] [--json <file>]');
  process.exit(2);
}
const { head } = JSON.parse(readFileSync(file, 'utf8'));

// selfSize is V8's estimate of the bytes a node allocated (its samples scaled by the sampling interval).
const parents = new Map();
const nodes = [];
(function walk(node, parent) {
  parents.set(node, parent);
  nodes.push(node);
  for (const child of node.children || []) walk(child, node);
})(head, undefined);
const add = (map, key, n) => map.set(key, (map.get(key) || 0) + n);
const byLibrary = new Map();
const byFunction = new Map();
let total = 0;
for (const node of nodes) {
  if (!node.selfSize) continue;
  total += node.selfSize;
  add(
    byLibrary,
    owner(node, (n) => parents.get(n)),
    node.selfSize,
  );
  const { callFrame } = node;
  const place = where(callFrame.url, callFrame.functionName);
  add(
    byFunction,
    `${callFrame.functionName || '(anonymous)'}  ${place}:${callFrame.lineNumber + 1}`,
    node.selfSize,
  );
}

const kib = (bytes) => `${(bytes / 1024).toFixed(0).padStart(8)} KiB`;
const perCall = (bytes) => (calls > 0 ? bytes / calls : undefined);
const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
const top = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(many));

console.log(
  `${kib(total).trim()} allocated` + (calls > 0 ? `, ${perCall(total).toFixed(0)} bytes per call` : ''),
);
console.log(
  "\nallocated by library (Node's own code and built-ins counted to the library that called them):",
);
for (const [lib, bytes] of top(byLibrary))
  console.log(
    `  ${pct(bytes)}  ${kib(bytes)}` +
      (calls > 0 ? `  ${perCall(bytes).toFixed(0).padStart(6)} B/call` : '') +
      `  ${lib}`,
  );
console.log('\nallocated by function:');
for (const [name, bytes] of top(byFunction)) console.log(`  ${pct(bytes)}  ${kib(bytes)}  ${name}`);

if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        bytes: total,
        calls,
        bytesPerCall: perCall(total),
        libraries: top(byLibrary).map(([lib, bytes]) => ({
          library: lib,
          share: bytes / total,
          bytesPerCall: perCall(bytes),
        })),
      },
      null,
      2,
    ),
  );
}
