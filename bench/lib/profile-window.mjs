// Takes a CPU profile of a running Node process for a window of its life, through its inspector (a process started
// with --inspect=127.0.0.1:<port>), and writes it as a .cpuprofile. scripts/bench-platform.sh and
// scripts/bench-pharmacy.sh profile the service while k6 calls it, so the profile holds the calls only:
// `node --cpu-prof` would also hold the boot and the replay of the consumer's topics, and is written only when the
// process exits.
//
//   node bench/lib/profile-window.mjs <inspector port> <seconds> <out.cpuprofile> [sampling interval µs, 1000]
//     [--heap <out.heapprofile>]
//
// --heap: a sampling heap profile of the same window too, counting the objects the garbage collector has already
// collected (allocations, not what stays live): whose objects the GC's share of the CPU profile collects.
// Prints the window's start and end (epoch milliseconds) as JSON on stdout.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { heap: { type: 'string' } }, allowPositionals: true });
const [port, seconds, out, interval = '1000'] = positionals;
if (!port || !(Number(seconds) > 0) || !out) {
  console.error(
    'usage: node profile-window.mjs <inspector port> <seconds> <out.cpuprofile> [interval µs] [--heap <file>]',
  );
  process.exit(2);
}

const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const target = targets.find((t) => t.type === 'node') ?? targets[0];
if (!target?.webSocketDebuggerUrl) throw new Error(`no inspector target on 127.0.0.1:${port}`);

const socket = new WebSocket(target.webSocketDebuggerUrl);
await new Promise((resolve, reject) => {
  socket.addEventListener('open', resolve, { once: true });
  socket.addEventListener('error', () => reject(new Error(`cannot open ${target.webSocketDebuggerUrl}`)), {
    once: true,
  });
});
const pending = new Map();
let next = 1;
socket.addEventListener('message', (event) => {
  const message = JSON.parse(String(event.data));
  const waiting = pending.get(message.id);
  if (!waiting) return;
  pending.delete(message.id);
  if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
  else waiting.resolve(message.result);
});
const send = (method, params = {}) =>
  new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve, reject, method });
    socket.send(JSON.stringify({ id, method, params }));
  });

await send('Profiler.enable');
await send('Profiler.setSamplingInterval', { interval: Number(interval) });
if (values.heap) await send('HeapProfiler.enable');
const startedAt = Date.now();
if (values.heap) {
  await send('HeapProfiler.startSampling', {
    samplingInterval: 32768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}
await send('Profiler.start');
await new Promise((resolve) => setTimeout(resolve, Number(seconds) * 1000));
const { profile } = await send('Profiler.stop');
const heap = values.heap ? await send('HeapProfiler.stopSampling') : null;
const endedAt = Date.now();
await send('Profiler.disable');
if (values.heap) await send('HeapProfiler.disable');
socket.close();
writeFileSync(out, JSON.stringify(profile));
if (values.heap) writeFileSync(values.heap, JSON.stringify(heap.profile));
console.log(JSON.stringify({ startedAt, endedAt }));
