import { waitFor } from '@medgrid/testing';
import { type ChaosCity, CHAOS_SERVICES } from './chaos-city';
import { type RunPlan, FLOW_INTERVAL_MS, LOAD_WINDOW_MS } from './chaos-plan';
import { type CheckResult, checkQuietCity, duplicatesSeen } from './checks';
import { FaultInjector, type FaultRecord } from './faults';
import { type Flow, FlowContext, REFERRAL_KINDS, runFlow } from './flows';
import { newPaymentGroup } from './side-fixture';

/** A flow must be done within this long of the last restart. */
export const SETTLE_MS = 60_000;
/**
 * A restarted service must answer gRPC within this long of its start, on a quiet machine. On one with more runnable
 * work than cores the limit stretches by that ratio (the report gives both): loading the service's modules is CPU
 * work, and on the shared two-core machine here the load is often four to six a core.
 */
export const RECOVERY_LIMIT_MS = 5_000;
export const recoveryLimitMs = (loadPerCore: number) =>
  Math.round(RECOVERY_LIMIT_MS * Math.max(1, loadPerCore));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunResult {
  readonly plan: RunPlan;
  readonly faults: FaultRecord[];
  readonly checks: CheckResult[];
  readonly retried: Record<string, number>;
  readonly duplicates: number;
  /** From the last restart to the last flow's end. */
  readonly settledMs: number;
  readonly durationMs: number;
  /** The run's parts: its residents, session and payment group made; its load; its flows' ends; the checks. */
  readonly phasesMs: { setup: number; load: number; settle: number; checks: number };
}

/**
 * The month each claims flow settles: the k-th of the run the k-th month back from the last one over (UTC, as
 * settlement has it), so no two share one.
 */
export function monthsOfClaims(flows: readonly Flow[], now: Date): Map<number, string> {
  const months = new Map<number, string>();
  const claims = flows.filter((f) => f.kind === 'claims-settled');
  claims.forEach((flow, k) => {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - k, 1));
    months.set(flow.index, month.toISOString().slice(0, 7));
  });
  return months;
}

/**
 * One run: the plan's flows started at a steady rate while its faults are injected one after another at their
 * moments, then, once every flow has ended (or the settling time ran out) and the outboxes have drained, every check.
 */
export async function runOnce(city: ChaosCity, plan: RunPlan): Promise<RunResult> {
  const started = Date.now();
  const referrals = plan.flows.filter((f) => REFERRAL_KINDS.includes(f.kind)).length;
  const [residents, sessionId, payment] = await Promise.all([
    city.contractedResidents(referrals),
    city.newSession(plan.flows.length * 2),
    newPaymentGroup(city),
  ]);
  const ctx = new FlowContext(city, sessionId, residents, payment, monthsOfClaims(plan.flows, new Date()));
  const injector = new FaultInjector(city);

  const loadStarted = Date.now();
  const setupMs = loadStarted - started;
  const running: Promise<void>[] = [];
  const load = (async () => {
    for (const flow of plan.flows) {
      const due = loadStarted + flow.index * FLOW_INTERVAL_MS;
      if (due > Date.now()) await sleep(due - Date.now());
      running.push(runFlow(flow, ctx));
    }
  })();
  const faults: FaultRecord[] = [];
  const faultErrors: string[] = [];
  for (const fault of plan.faults) {
    const due = loadStarted + fault.atMs;
    if (due > Date.now()) await sleep(due - Date.now());
    try {
      faults.push(await injector.inject(fault));
    } catch (error) {
      faultErrors.push(`${fault.target}: ${(error as Error).message}`);
      await injector.restore(fault);
    }
  }
  await load;
  // The moment the last killed process was back (a broker takes its JVM's start, a service its modules' load).
  const lastRestart = Math.max(
    loadStarted + LOAD_WINDOW_MS,
    ...faults.map((f) => f.restartedAt + f.recoveryMs),
  );
  ctx.giveUpAt = lastRestart + SETTLE_MS;
  const loadMs = Date.now() - loadStarted;
  await Promise.all(running);
  const flowsEnded = Date.now();
  const lastFlowEnd = Math.max(...plan.flows.map((f) => f.finishedAt ?? Date.now()));

  const quietChecks: CheckResult[] = [
    { name: 'every killed process came back', violations: faultErrors },
    {
      name: 'callers are told UNAVAILABLE (which they retry), never INTERNAL or UNKNOWN, while something is down',
      violations: [
        ...['INTERNAL', 'UNKNOWN']
          .filter((code) => ctx.retried[code])
          .map((code) => `${ctx.retried[code]} answers ${code}`),
        ...ctx.unexpected,
      ],
    },
    {
      name: `every flow done within ${SETTLE_MS / 1000} s of the last restart`,
      violations: plan.flows
        .filter((f) => f.finishedAt !== undefined && f.finishedAt > lastRestart + SETTLE_MS)
        .map(
          (f) => `flow ${f.index} (${f.kind}) ended ${f.finishedAt! - lastRestart} ms after the last restart`,
        ),
    },
    {
      name: `every restarted service answers gRPC within ${RECOVERY_LIMIT_MS / 1000} s (stretched by the load)`,
      violations: faults
        .filter(
          (f) => CHAOS_SERVICES.includes(f.target as never) && f.recoveryMs > recoveryLimitMs(f.loadPerCore),
        )
        .map((f) => `${f.target}: ${f.recoveryMs} ms at a load of ${f.loadPerCore} a core`),
    },
  ];
  // Quiet: the relays publish what is left and the consumers apply it; the outbox check then fails what stayed.
  await waitFor(
    'the outboxes to drain',
    async () => {
      for (const service of CHAOS_SERVICES) {
        const [row] = await city.query<{ n: number }>(
          service,
          `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
        );
        if (row!.n > 0) return undefined;
      }
      return true;
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  ).catch(() => undefined);
  const checks = [...quietChecks, ...(await checkQuietCity(city, plan.flows))];
  const phasesMs = {
    setup: setupMs,
    load: loadMs,
    settle: flowsEnded - loadStarted - loadMs,
    checks: Date.now() - flowsEnded,
  };
  return {
    plan,
    faults,
    checks,
    retried: ctx.retried,
    duplicates: duplicatesSeen.count,
    settledMs: lastFlowEnd - lastRestart,
    durationMs: Date.now() - started,
    phasesMs,
  };
}
