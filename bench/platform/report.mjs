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
import { cpuInWindows, readSamples } from './cpu-windows.mjs';

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
const hz = Number(args.hz);
const readJson = (path) => (path ? JSON.parse(readFileSync(path, 'utf8')) : null);
const summary = readJson(args.summary);
const context = readJson(args.context);
const profiled = (kind, target) => {
  const path = args.profiles && join(args.profiles, `${kind}-${target}.json`);
  return path && existsSync(path) ? readJson(path) : null;
};
/**
 * Each profiled target: its profile's libraries and functions, its allocations, and its CPU per call and the other
 * work on the machine over the profiling run (from /proc, as for the run's windows). The profile's shares of the
 * busy main thread are turned into microseconds with that CPU per call: a profiler samples the main thread by the
 * clock, and on a shared machine a thread waiting for a core is not spending CPU.
 */
const profiles = ['platform', 'bare']
  .map((target) => {
    const cpu = profiled('cpu-profile', target);
    const runSummary = profiled('profile-run', target);
    const run = runSummary?.results[0] ?? null;
    const samples = join(args.profiles ?? '', `profile-run-${target}-cpu.jsonl`);
    const window =
      runSummary && existsSync(samples) ? cpuInWindows(runSummary, readSamples(samples), hz)[target] : null;
    const seconds = run?.window ? (run.window.to - run.window.from) / 1000 : 0;
    const cpuPerCall =
      window?.cores[target] != null && run?.calls > 0
        ? ((window.cores[target] * seconds) / run.calls) * 1e6
        : null;
    const scale = (share) => (cpuPerCall === null ? null : share * cpuPerCall);
    return {
      target,
      cpu: cpu && {
        ...cpu,
        cpuPerCall,
        libraries: cpu.libraries.map((l) => ({ ...l, microsPerCall: scale(l.shareOfBusy) })),
        functions: cpu.functions.map((f) => ({ ...f, microsPerCall: scale(f.selfShareOfBusy) })),
      },
      allocations: profiled('allocations', target),
      run,
      other: window?.other ?? null,
    };
  })
  .filter((p) => p.cpu);
const windows = cpuInWindows(summary, readSamples(args.samples), hz);
const results = summary.results.map((r) => {
  const cpu = windows[r.target];
  if (!cpu) return { ...r, cpu: null };
  // The server's own CPU per answered call: the target's process is the one named after it.
  const own = cpu.cores[r.target];
  const seconds = (r.window.to - r.window.from) / 1000;
  return {
    ...r,
    cpu: { ...cpu, microsPerCall: own != null && r.calls > 0 ? ((own * seconds) / r.calls) * 1e6 : null },
  };
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
    `load average ${context.loadBefore} before and ${context.loadAfter} after` +
    (context.attempts > 1 ? ` (run ${context.attempts}: the earlier ones were disturbed)` : '') +
    `; ${context.cpus}; node ${context.node}`,
  `  ${report.settings.vus} concurrent calls (k6 VUs, one connection each), ${report.settings.durationSeconds} s ` +
    `measured per target after ${report.settings.warmupSeconds} s of warm-up`,
  '',
  '  target     calls/s  p50 ms  p90 ms  p99 ms  failed  server CPU  CPU/call  k6 CPU  interrupts  other work',
  ...results.map(
    (r) =>
      `  ${r.target.padEnd(9)} ${fmt(r.callsPerSecond, 0).padStart(8)} ${fmt(r.latencyMs.p50, 2).padStart(7)} ` +
      `${fmt(r.latencyMs.p90, 2).padStart(7)} ${fmt(r.latencyMs.p99, 2).padStart(7)} ${String(r.failed + r.wrongAnswers).padStart(7)} ` +
      `${fmt(r.cpu?.cores?.[r.target], 2).padStart(8)} c ${fmt(r.cpu?.microsPerCall, 0).padStart(6)} µs ` +
      `${fmt(r.cpu?.cores?.k6, 2).padStart(5)} c ${fmt(r.cpu?.interrupts, 2).padStart(8)} c ${fmt(r.cpu?.other, 2).padStart(8)} c`,
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
      `    ${p.target}: ${fmt(p.cpu.cpuPerCall, 0)} µs of CPU (${fmt(p.cpu.microsPerCall, 0)} µs of busy main thread ` +
        `by the profiler's clock) and ` +
        `${fmt(p.allocations?.bytesPerCall, 0)} bytes ` +
        `allocated per call, at ${fmt(p.run?.callsPerSecond, 0)} calls/s while profiled ` +
        `(other work: ${fmt(p.other, 2)} cores)`,
    );
  lines.push('', "  CPU by library (the library's share of the busy main thread x the CPU per call):");
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
    lines.push('', '  functions the platform adds most to (self CPU µs per call, platform - bare):');
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
