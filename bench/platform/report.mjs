// Puts a run of scripts/bench-platform.sh together: k6's figures per target (bench/platform/per-call.js), the CPU
// each process used in each target's measured seconds (bench/platform/cpu-sampler.mjs), the profile's libraries
// (bench/lib/cpu-profile-top.js --json) and the run's context (date, commit, load). Prints the figures and writes
// the report JSON.
//
//   node bench/platform/report.mjs --summary <k6.json> --samples <cpu.jsonl> --hz <CLK_TCK> --context <json>
//     [--profiles <dir>] --out <report.json>
//
// --profiles: the folder holding cpu-profile-<target>.json, allocations-<target>.json and profile-run-<target>.json
// of each target profiled (platform, bare): the libraries are then compared per call.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    summary: { type: 'string' },
    samples: { type: 'string' },
    hz: { type: 'string', default: '100' },
    context: { type: 'string' },
    profiles: { type: 'string' },
    out: { type: 'string' },
  },
});
for (const required of ['summary', 'samples', 'context', 'out']) {
  if (!args[required]) throw new Error(`--${required} is required`);
}
const readJson = (path) => (path ? JSON.parse(readFileSync(path, 'utf8')) : null);
const summary = readJson(args.summary);
const context = readJson(args.context);
const profiled = (kind, target) => {
  const path = args.profiles && join(args.profiles, `${kind}-${target}.json`);
  return path && existsSync(path) ? readJson(path) : null;
};
const profiles = ['platform', 'bare']
  .map((target) => ({
    target,
    cpu: profiled('cpu-profile', target),
    allocations: profiled('allocations', target),
    run: profiled('profile-run', target)?.results[0] ?? null,
  }))
  .filter((p) => p.cpu);
const hz = Number(args.hz);
const samples = readFileSync(args.samples, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

/** A series' value at instant t, linear between the samples around it. */
function at(t, read) {
  const points = samples.map((s) => [s.t, read(s)]).filter(([, v]) => v !== null && v !== undefined);
  if (points.length === 0 || t < points[0][0] || t > points[points.length - 1][0]) return null;
  for (let i = 1; i < points.length; i++) {
    const [t1, v1] = points[i];
    const [t0, v0] = points[i - 1];
    if (t <= t1) return t1 === t0 ? v1 : v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
  }
  return null;
}
/**
 * Cores a series used over the window (ticks per second / hz); over the part of it the samples cover when a process
 * ended a moment before the window did (k6 stops with its last calls), null when they cover less than most of it.
 */
function cores(window, read) {
  const covered = samples.filter((s) => read(s) !== null && read(s) !== undefined).map((s) => s.t);
  const from = Math.max(window.from, covered[0] ?? Infinity);
  const to = Math.min(window.to, covered[covered.length - 1] ?? -Infinity);
  if (to - from < 0.8 * (window.to - window.from)) return null;
  return (at(to, read) - at(from, read)) / hz / ((to - from) / 1000);
}

const names = Object.keys(samples[0]?.procs ?? {});
const results = summary.results.map((r) => {
  if (!r.window) return { ...r, cpu: null };
  const seconds = (r.window.to - r.window.from) / 1000;
  const cpu = { cores: {}, microsPerCall: null };
  for (const name of names) cpu.cores[name] = cores(r.window, (s) => s.procs[name]);
  const machineBusy = at(r.window.to, (s) => s.machine.busy) - at(r.window.from, (s) => s.machine.busy);
  const machineTotal = at(r.window.to, (s) => s.machine.total) - at(r.window.from, (s) => s.machine.total);
  cpu.machineBusyShare = machineTotal > 0 ? machineBusy / machineTotal : null;
  // The server's own CPU per answered call: the target's process is the one named after it.
  const own = cpu.cores[r.target];
  if (own !== null && own !== undefined && r.calls > 0) cpu.microsPerCall = ((own * seconds) / r.calls) * 1e6;
  return { ...r, cpu };
});

const platform = results.find((r) => r.target === 'platform');
const bare = results.find((r) => r.target === 'bare');
const report = {
  ...context,
  method: summary.method,
  settings: summary.settings,
  results,
  ratio: summary.ratio,
  goal: summary.goal,
  extraCpuPerCallMicros:
    platform?.cpu?.microsPerCall != null && bare?.cpu?.microsPerCall != null
      ? platform.cpu.microsPerCall - bare.cpu.microsPerCall
      : null,
  profiles,
};
writeFileSync(args.out, JSON.stringify(report, null, 2));

const fmt = (n, digits = 0) => (n === null || n === undefined ? 'n/a' : Number(n).toFixed(digits));
const lines = [
  '',
  `Platform per-call cost: ${report.method} on ${context.service} (platform) and a bare grpc-js server (bare)`,
  `  ${context.measuredAt}, commit ${context.commit}${context.dirty ? ' (with uncommitted changes)' : ''}, ` +
    `load average ${context.loadBefore} before and ${context.loadAfter} after; ${context.cpus}; node ${context.node}`,
  `  ${report.settings.vus} concurrent calls (k6 VUs, one connection each), ${report.settings.durationSeconds} s ` +
    `measured per target after ${report.settings.warmupSeconds} s of warm-up`,
  '',
  '  target     calls/s  p50 ms  p90 ms  p99 ms  failed  server CPU  CPU/call  k6 CPU  machine busy',
  ...results.map(
    (r) =>
      `  ${r.target.padEnd(9)} ${fmt(r.callsPerSecond, 0).padStart(8)} ${fmt(r.latencyMs.p50, 2).padStart(7)} ` +
      `${fmt(r.latencyMs.p90, 2).padStart(7)} ${fmt(r.latencyMs.p99, 2).padStart(7)} ${String(r.failed + r.wrongAnswers).padStart(7)} ` +
      `${fmt(r.cpu?.cores?.[r.target], 2).padStart(8)} c ${fmt(r.cpu?.microsPerCall, 0).padStart(6)} µs ` +
      `${fmt(r.cpu?.cores?.k6, 2).padStart(5)} c ${fmt(r.cpu ? 100 * r.cpu.machineBusyShare : null, 0).padStart(8)} %`,
  ),
  '',
  `  platform/bare calls/s = ${fmt(report.ratio, 3)}   [goal >= ${report.goal.ratio}: ` +
    `${report.goal.met === null ? 'n/a' : report.goal.met ? 'met' : 'MISSED'}]` +
    (report.extraCpuPerCallMicros === null
      ? ''
      : `; the platform's own CPU per call: ${fmt(report.extraCpuPerCallMicros, 0)} µs`),
];
if (context.counted !== undefined)
  lines.push(
    `  the service counted ${context.counted} WhoAmI calls answered OK (medgrid_grpc_server_handled_total)`,
  );
/** The libraries of the profiles side by side, per call: platform, bare and what the platform adds. */
function compare(kind, value, digits, unit) {
  const rows = new Map();
  for (const p of profiles)
    for (const lib of p[kind]?.libraries ?? []) {
      const row = rows.get(lib.library) ?? { library: lib.library };
      row[p.target] = lib[value] ?? 0;
      rows.set(lib.library, row);
    }
  const sorted = [...rows.values()].sort((a, b) => (b.platform ?? 0) - (a.platform ?? 0));
  lines.push(
    `    ${'platform'.padStart(9)} ${'bare'.padStart(9)} ${'added'.padStart(9)}  (${unit} per call)`,
  );
  for (const row of sorted.slice(0, 16))
    lines.push(
      `    ${fmt(row.platform ?? 0, digits).padStart(9)} ${fmt(row.bare ?? 0, digits).padStart(9)} ` +
        `${fmt((row.platform ?? 0) - (row.bare ?? 0), digits).padStart(9)}  ${row.library}`,
    );
  return sorted;
}
if (profiles.length > 0) {
  lines.push(
    '',
    `  profiles of the main thread, ${context.profileSeconds} s each, k6 against one target at a time:`,
  );
  for (const p of profiles)
    lines.push(
      `    ${p.target}: ${fmt(p.cpu.microsPerCall, 0)} µs of CPU and ${fmt(p.allocations?.bytesPerCall, 0)} bytes ` +
        `allocated per call, at ${fmt(p.run?.callsPerSecond, 0)} calls/s while profiled`,
    );
  lines.push('', '  CPU by library (µs per call):');
  report.cpuByLibrary = compare('cpu', 'microsPerCall', 1, 'µs');
  const platformCpu = profiles.find((p) => p.target === 'platform')?.cpu;
  const bareCpu = profiles.find((p) => p.target === 'bare')?.cpu;
  if (platformCpu && bareCpu) {
    // Function by function (self time): what the platform's calls run that a bare server's do not, or run longer.
    const bareOf = new Map(bareCpu.functions.map((f) => [f.function, f.microsPerCall]));
    report.functionsAdded = platformCpu.functions
      .map((f) => ({ function: f.function, platform: f.microsPerCall, bare: bareOf.get(f.function) ?? 0 }))
      .map((f) => ({ ...f, added: f.platform - f.bare }))
      .sort((a, b) => b.added - a.added)
      .slice(0, 25);
    lines.push('', '  functions the platform adds most to (self µs per call, platform - bare):');
    for (const f of report.functionsAdded.slice(0, 15))
      lines.push(
        `    ${fmt(f.added, 1).padStart(6)}  (${fmt(f.platform, 1)} - ${fmt(f.bare, 1)})  ${f.function.replace(/\s+/, ' ')}`,
      );
  }
  lines.push('', '  allocations by library (bytes per call):');
  report.allocationsByLibrary = compare('allocations', 'bytesPerCall', 0, 'bytes');
  writeFileSync(args.out, JSON.stringify(report, null, 2));
}
lines.push('', `  report: ${args.out}`, '');
console.log(lines.join('\n'));
