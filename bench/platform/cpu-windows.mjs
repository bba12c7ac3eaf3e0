// The CPU each process, the kernel's interrupts and everything else on the machine used during each target's
// measured seconds of a k6 run (bench/platform/per-call.js), from bench/platform/cpu-sampler.mjs's samples. "Other"
// is the machine's busy time that is none of the run's processes nor interrupts: other people's work, which moves the
// figures. report.mjs reads it; scripts/bench-platform.sh runs it to decide whether a run was disturbed:
//
//   node bench/platform/cpu-windows.mjs <k6 summary.json> <samples.jsonl> <CLK_TCK>
//
// Prints {"<target>": {"cores": {"<process>": n}, "interrupts": n, "machine": n, "other": n}} (cores, i.e. CPU
// seconds per second).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A series' value at instant t, linear between the samples around it; null outside them. */
function at(samples, t, read) {
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
 * Cores a series used over the window; over the part the samples cover when a process ended a moment before the
 * window did (k6 stops with its last calls), null when they cover less than most of it.
 */
function cores(samples, window, read, hz) {
  const covered = samples.filter((s) => read(s) !== null && read(s) !== undefined).map((s) => s.t);
  const from = Math.max(window.from, covered[0] ?? Infinity);
  const to = Math.min(window.to, covered[covered.length - 1] ?? -Infinity);
  if (to - from < 0.8 * (window.to - window.from)) return null;
  return (at(samples, to, read) - at(samples, from, read)) / hz / ((to - from) / 1000);
}

/** Per target of the summary: the cores of each sampled process, of interrupts, of the machine and of the rest. */
export function cpuInWindows(summary, samples, hz) {
  const names = Object.keys(samples[0]?.procs ?? {});
  const byTarget = {};
  for (const r of summary.results) {
    if (!r.window) continue;
    const procs = {};
    for (const name of names) procs[name] = cores(samples, r.window, (s) => s.procs[name], hz);
    const machine = cores(samples, r.window, (s) => s.machine.busy, hz);
    const interrupts = cores(samples, r.window, (s) => s.machine.interrupts, hz);
    const ours = Object.values(procs).reduce((sum, c) => sum + (c ?? 0), 0);
    byTarget[r.target] = {
      cores: procs,
      interrupts,
      machine,
      other: machine === null ? null : Math.max(0, machine - (interrupts ?? 0) - ours),
    };
  }
  return byTarget;
}

export function readSamples(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [summary, samples, hz = '100'] = process.argv.slice(2);
  if (!summary || !samples) {
    console.error('usage: node cpu-windows.mjs <k6 summary.json> <samples.jsonl> <CLK_TCK>');
    process.exit(2);
  }
  const windows = cpuInWindows(JSON.parse(readFileSync(summary, 'utf8')), readSamples(samples), Number(hz));
  console.log(JSON.stringify(windows));
}
