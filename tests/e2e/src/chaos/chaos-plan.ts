import { SeededRandom } from '../fuzz/seeded-random';
import { CHAOS_SERVICES } from './chaos-city';
import { type FaultTarget, type PlannedFault } from './faults';
import { drawFlow, type Flow } from './flows';

/** How long a run's load lasts, and one new flow every this many milliseconds meanwhile. */
export const LOAD_WINDOW_MS = 25_000;
export const FLOW_INTERVAL_MS = 700;

/** Everything a run does, drawn from its seed alone: the flows in order and the faults with their moments. */
export interface RunPlan {
  readonly seed: number;
  readonly flows: Flow[];
  readonly faults: PlannedFault[];
}

/**
 * A run's plan. With two faults or more, one kills a service and one the broker or PostgreSQL, so even a short run
 * has both kinds; the rest are any process. `only` narrows the processes to those named (CHAOS_TARGETS), the same
 * draws otherwise, so a process can be made to die in a short run. The faults fall one in each slice of the load
 * window, at least a second in and three seconds before its end, so flows are under way when each comes.
 */
export function planRun(seed: number, faultCount?: number, only?: readonly FaultTarget[]): RunPlan {
  const random = new SeededRandom(seed);
  const flows = Array.from({ length: Math.floor(LOAD_WINDOW_MS / FLOW_INTERVAL_MS) }, (_, i) =>
    drawFlow(random, i),
  );
  const count = faultCount ?? random.int(2, 4);
  const allowed = (targets: readonly FaultTarget[]) => {
    const kept = only ? targets.filter((t) => only.includes(t)) : targets;
    return kept.length > 0 ? kept : only!;
  };
  const services = allowed(CHAOS_SERVICES);
  const infrastructure = allowed(['kafka', 'postgres']);
  const every = allowed([...CHAOS_SERVICES, 'kafka', 'postgres']);
  const targets = Array.from({ length: count }, (_, i) =>
    i === 0 ? random.pick(services) : i === 1 ? random.pick(infrastructure) : random.pick(every),
  );
  for (let i = targets.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [targets[i], targets[j]] = [targets[j]!, targets[i]!];
  }
  const slice = LOAD_WINDOW_MS / Math.max(1, count);
  const faults = targets.map((target, i) => ({
    atMs: Math.round(i * slice + 1_000 + random.next() * Math.max(0, slice - 4_000)),
    target,
    timing: random.chance(0.5) ? ('mid-batch' as const) : ('at-random' as const),
    // Now and then PostgreSQL stays down longer than a consumer's retries last (about 26 s).
    downMs:
      target === 'postgres' && random.chance(0.25) ? random.int(30_000, 35_000) : random.int(200, 3_000),
    postgresBy: random.chance(0.5) ? ('immediate-stop' as const) : ('sigkill' as const),
  }));
  return { seed, flows, faults };
}
