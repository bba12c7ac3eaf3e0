import { ChaosCity } from './chaos-city';
import { planRun } from './chaos-plan';
import { runOnce, type RunResult } from './chaos-run';
import { FAULT_TARGETS, type FaultTarget } from './faults';

/**
 * Crashes and faults under load (scripts/chaos.sh; docs/reliability.md, "Crashes and faults"). Settings come from
 * the environment so a run is replayed exactly: CHAOS_SEED (run i has seed CHAOS_SEED + i, and every run prints
 * its own), CHAOS_RUNS, CHAOS_FAULTS to fix the number of faults a run injects (else 2 to 4, drawn), and
 * CHAOS_TARGETS (comma-separated) to kill only the processes it names.
 */
const baseSeed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const runs = Number(process.env.CHAOS_RUNS ?? 100);
const faultCount = process.env.CHAOS_FAULTS ? Number(process.env.CHAOS_FAULTS) : undefined;
const targets = process.env.CHAOS_TARGETS
  ? (process.env.CHAOS_TARGETS.split(',') as FaultTarget[])
  : undefined;
const seeds = Array.from({ length: runs }, (_, i) => baseSeed + i);
const replayFlags = `${faultCount ? ` --faults ${faultCount}` : ''}${targets ? ` --targets ${targets.join(',')}` : ''}`;

const say = (line: string) => process.stdout.write(`${line}\n`);

describe('crashes and faults under load', () => {
  const city = new ChaosCity();
  const results: RunResult[] = [];

  beforeAll(async () => {
    const unknown = targets?.filter((t) => !FAULT_TARGETS.includes(t)) ?? [];
    if (unknown.length > 0)
      throw new Error(`CHAOS_TARGETS names ${unknown.join(', ')}: not one of ${FAULT_TARGETS.join(', ')}`);
    say(
      `chaos: base seed ${baseSeed}, ${runs} runs${faultCount ? `, ${faultCount} faults a run` : ''}${targets ? `, killing ${targets.join(', ')} only` : ''}`,
    );
    const starting = Date.now();
    await city.start();
    say(
      `chaos: the city up in ${((Date.now() - starting) / 1000).toFixed(1)} s (${Object.entries(city.startMs)
        .map(([part, ms]) => `${part} by ${(ms / 1000).toFixed(1)} s`)
        .join(', ')})`,
    );
  }, 600_000);

  afterAll(async () => {
    report(results);
    await city.stop();
  }, 120_000);

  it.each(seeds)(
    'run with seed %i: every flow finishes, every effect exists once, nothing is lost or dead-lettered',
    async (seed) => {
      const plan = planRun(seed, faultCount, targets);
      say(
        `chaos: run seed ${seed}: ${plan.flows.length} flows, faults ${plan.faults.map((f) => `${f.target}@${(f.atMs / 1000).toFixed(1)}s`).join(', ')}; replay: scripts/chaos.sh --seed ${seed} --runs 1${replayFlags}`,
      );
      const result = await runOnce(city, plan);
      results.push(result);
      for (const f of result.faults)
        say(
          `chaos:   ${f.target} killed (${f.target === 'postgres' ? f.postgresBy : f.timing}${f.timing === 'mid-batch' && f.caughtWork ? ', work in hand' : ''}), down ${f.downMs} ms, back in ${f.recoveryMs} ms (load ${f.loadPerCore} a core)${f.consumerBackMs !== undefined ? `, consumer in its group after ${f.consumerBackMs} ms` : ''}${f.servicesReadyMs !== undefined ? `, services ready ${f.servicesReadyMs} ms later` : ''}`,
        );
      const outcomes = tally(plan.flows.map((f) => `${f.kind}:${f.outcome ?? 'FAILED'}`));
      say(
        `chaos:   flows ${JSON.stringify(outcomes)}, retried ${JSON.stringify(result.retried)}, settled ${result.settledMs} ms after the last restart, duplicates on topics ${result.duplicates}, ${(result.durationMs / 1000).toFixed(0)} s (${Object.entries(
          result.phasesMs,
        )
          .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
          .join(', ')})`,
      );
      const failed = result.checks.filter((c) => c.violations.length > 0);
      for (const c of failed)
        say(`chaos FAILURE seed ${seed}: ${c.name}: ${c.violations.slice(0, 10).join('; ')}`);
      expect(failed.map((c) => c.name)).toEqual([]);
    },
    900_000,
  );
});

function tally(items: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[item] = (out[item] ?? 0) + 1;
  return out;
}

/** The suite's figures: runs, faults by process and kind, flows, failures, recovery times. */
function report(results: readonly RunResult[]): void {
  const faults = results.flatMap((r) => r.faults);
  const byTarget = tally(
    faults.map((f) => (f.target === 'postgres' ? `postgres (${f.postgresBy})` : f.target)),
  );
  const midBatch = faults.filter((f) => f.timing === 'mid-batch' && f.caughtWork).length;
  const recovery = (target: string) => {
    const times = faults
      .filter((f) => f.target === target)
      .map((f) => f.recoveryMs)
      .sort((a, b) => a - b);
    return times.length
      ? `${times[0]}/${times[Math.floor(times.length / 2)]}/${times[times.length - 1]} ms`
      : '-';
  };
  const failedRuns = results.filter((r) => r.checks.some((c) => c.violations.length > 0));
  say(
    `chaos: ${results.length} runs, ${failedRuns.length} failed${failedRuns.length ? ` (seeds ${failedRuns.map((r) => r.plan.seed).join(', ')})` : ''}`,
  );
  say(
    `chaos: faults ${faults.length}: ${JSON.stringify(byTarget)}; service kills with work in hand ${midBatch}`,
  );
  say(`chaos: recovery min/median/max: ${FAULT_TARGETS.map((t) => `${t} ${recovery(t)}`).join(', ')}`);
  say(
    `chaos: flows ${JSON.stringify(tally(results.flatMap((r) => r.plan.flows.map((f) => `${f.kind}:${f.outcome ?? 'FAILED'}`))))}`,
  );
  const retried: Record<string, number> = {};
  for (const r of results) for (const [k, n] of Object.entries(r.retried)) retried[k] = (retried[k] ?? 0) + n;
  say(
    `chaos: retried answers ${JSON.stringify(retried)}; duplicates on topics ${results.at(-1)?.duplicates ?? 0}`,
  );
}
