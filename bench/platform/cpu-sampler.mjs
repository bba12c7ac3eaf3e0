// Samples the CPU time of the machine and of named processes every few hundred milliseconds, from /proc, until
// SIGTERM: scripts/bench-platform.sh runs it beside k6, and bench/platform/report.mjs reads the CPU each process used
// during each target's measured seconds (one process, reading files: it costs next to nothing itself).
//
//   node bench/platform/cpu-sampler.mjs <out.jsonl> <interval ms> <name>=<pid> ...
//
// Each line: {"t": epoch ms, "machine": {"busy": ticks, "interrupts": ticks, "total": ticks}, "procs": {"<name>":
// ticks}}; ticks are USER_HZ (getconf CLK_TCK), user and system time together, all cores summed for the machine
// (interrupts: hard and soft interrupts, where the kernel's loopback network work is counted, not to a process).
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

const [out, interval, ...named] = process.argv.slice(2);
if (!out || !(Number(interval) > 0) || named.length === 0) {
  console.error('usage: node cpu-sampler.mjs <out.jsonl> <interval ms> <name>=<pid> ...');
  process.exit(2);
}
const procs = named.map((pair) => {
  const [name, pid] = pair.split('=');
  return { name, pid: Number(pid) };
});

/** utime + stime of a process (fields 14 and 15 of /proc/<pid>/stat, after the command's parentheses). */
function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function machineTicks() {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n', 1)[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = user + nice + system + irq + softirq + (steal || 0);
  return { busy, interrupts: irq + softirq, total: busy + idle + iowait };
}

function sample() {
  const line = { t: Date.now(), machine: machineTicks(), procs: {} };
  for (const { name, pid } of procs) line.procs[name] = processTicks(pid);
  appendFileSync(out, `${JSON.stringify(line)}\n`);
}

writeFileSync(out, '');
sample();
const timer = setInterval(sample, Number(interval));
const stop = () => {
  clearInterval(timer);
  sample();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
