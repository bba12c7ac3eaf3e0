// Prints where a Node CPU profile (.cpuprofile, from `node --cpu-prof`) spent its time: the functions
// with the most self time, and the same summed per package or file. scripts/bench-lab-sharing.sh runs
// it on lab-sharing's profile when BENCH_NODE_PROF=1.
//
//   node bench/lab-sharing/cpu-profile-top.js <file.cpuprofile> [how many, default 25]
'use strict';
const { readFileSync } = require('node:fs');

const [file, many = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node cpu-profile-top.js <file.cpuprofile> [count]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) || 0) + 1);
const total = profile.samples.length;

/** A module's short name: the package under node_modules, the repository path, or Node's own. */
function where(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return url;
  const repo = url.indexOf('/work/main/');
  return repo >= 0 ? url.slice(repo + '/work/main/'.length) : url;
}

const byFunction = new Map();
const byPlace = new Map();
for (const [id, count] of hits) {
  const { callFrame } = byId.get(id);
  const place = where(callFrame.url, callFrame.functionName);
  const name = `${callFrame.functionName || '(anonymous)'}  ${place}:${callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) || 0) + count);
  byPlace.set(place, (byPlace.get(place) || 0) + count);
}
// Inclusive time: a sample counts once for every function and package on its (synchronous) stack.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const inclusiveFunction = new Map();
const inclusivePlace = new Map();
for (const [id, count] of hits) {
  const seenF = new Set();
  const seenP = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const { callFrame } = byId.get(at);
    if (!callFrame.url) continue;
    const place = where(callFrame.url, callFrame.functionName);
    const name = `${callFrame.functionName || '(anonymous)'}  ${place}:${callFrame.lineNumber + 1}`;
    seenF.add(name);
    seenP.add(place);
  }
  for (const f of seenF) inclusiveFunction.set(f, (inclusiveFunction.get(f) || 0) + count);
  for (const p of seenP) inclusivePlace.set(p, (inclusivePlace.get(p) || 0) + count);
}
const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
const top = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(many));
const seconds = (profile.endTime - profile.startTime) / 1e6;
const idle = [...hits]
  .filter(([id]) => byId.get(id).callFrame.functionName === '(idle)')
  .reduce((n, [, c]) => n + c, 0);
console.log(`${total} samples over ${seconds.toFixed(1)} s; busy ${pct(total - idle)} of it`);
console.log('\nself time by package or file:');
for (const [place, n] of top(byPlace)) console.log(`  ${pct(n)}  ${place}`);
console.log('\nself time by function:');
for (const [name, n] of top(byFunction)) console.log(`  ${pct(n)}  ${name}`);
console.log("\ntotal (inclusive) time by package or file, the repository's own code and its main libraries:");
for (const [place, n] of top(inclusivePlace)) console.log(`  ${pct(n)}  ${place}`);
console.log('\ntotal (inclusive) time by function of the repository (libs/, services/):');
const own = new Map([...inclusiveFunction].filter(([name]) => / (libs|services)\//.test(name)));
for (const [name, n] of top(own)) console.log(`  ${pct(n)}  ${name}`);
