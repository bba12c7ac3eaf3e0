import { Client, credentials } from '@grpc/grpc-js';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, type ServiceProcess } from '../service-process';
import { serverHealth } from '../grpc-call';
import { type ChaosCity, CHAOS_SERVICES, type ChaosService } from './chaos-city';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type FaultTarget = ChaosService | 'kafka' | 'postgres';
export const FAULT_TARGETS: readonly FaultTarget[] = [...CHAOS_SERVICES, 'kafka', 'postgres'];

/**
 * When a service dies: at the scheduled moment, or the first moment after it when it has work in hand (events in its
 * outbox not yet published, or an event its consumer is applying: one its upstream published a moment ago).
 */
export type FaultTiming = 'at-random' | 'mid-batch';

export interface PlannedFault {
  /** Milliseconds after the run's load started. */
  readonly atMs: number;
  readonly target: FaultTarget;
  readonly timing: FaultTiming;
  /** How long the killed process stays down before it is started again. */
  readonly downMs: number;
  /** PostgreSQL: `pg_ctl stop -m immediate`, or SIGKILL of the postmaster and every backend. */
  readonly postgresBy: 'immediate-stop' | 'sigkill';
}

export interface FaultRecord extends PlannedFault {
  /** A mid-batch kill that found work in hand (else it fell back to killing at the end of its wait). */
  caughtWork: boolean;
  killedAt: number;
  restartedAt: number;
  /** A service: from its start to its first SERVING answer on grpc.health.v1; the broker or cluster: to ready. */
  recoveryMs: number;
  /** A service: from its start until its consumer is back in its group (a crashed member holds its partitions). */
  consumerBackMs?: number;
  /** After the broker or cluster came back: until every service's readiness holds again. */
  servicesReadyMs?: number;
  /** The machine's runnable work per core (1-minute load average over cores) when it came back. */
  loadPerCore: number;
}

/** Upstream of each service's consumer: its input events come out of these services' outboxes. */
const UPSTREAM: Record<ChaosService, ChaosService[]> = {
  registry: [],
  referral: ['scheduling', 'pharmacy', 'registry'],
  scheduling: ['referral', 'registry'],
  'lab-sharing': ['referral', 'registry'],
  pharmacy: ['referral', 'registry'],
  payment: ['referral', 'registry'],
};

/**
 * Kills and restarts the suite's own processes, and only them: services through their ServiceProcess, the broker
 * by the pid file scripts/kafka.sh wrote into the run's directory, the cluster through its own data directory.
 */
export class FaultInjector {
  constructor(private readonly city: ChaosCity) {}

  async inject(fault: PlannedFault): Promise<FaultRecord> {
    switch (fault.target) {
      case 'kafka':
        return this.crashBroker(fault);
      case 'postgres':
        return this.crashPostgres(fault);
      default:
        return this.killService(fault, fault.target);
    }
  }

  /**
   * After a fault that failed halfway (its kill or its restart): the cluster or the broker it may have left down is
   * started again, so the runs after this one find the platform whole. Nothing happens to one that is up.
   */
  async restore(fault: PlannedFault): Promise<void> {
    if (fault.target === 'postgres') {
      await run('bash', [join(REPO_ROOT, 'scripts/lib/pg-cluster.sh'), 'start', env('CHAOS_PG_DIR')]).catch(
        () => undefined,
      );
      await this.city.reconnectHarness().catch(() => undefined);
    } else if (fault.target === 'kafka') {
      await this.startBroker().catch(() => undefined);
    }
  }

  private async killService(fault: PlannedFault, service: ChaosService): Promise<FaultRecord> {
    const caughtWork = fault.timing === 'mid-batch' ? await this.workInHand(service, 3_000) : false;
    const process = this.city.process(service);
    const killedAt = Date.now();
    await process.kill();
    await sleep(fault.downMs);
    const restartedAt = Date.now();
    const serving = firstServing(process.grpcAddress, 60_000);
    await process.start({}, { waitForConsumer: false });
    const recoveryMs = (await serving) - restartedAt;
    const load = loadPerCore();
    const consumerBackMs = (await consumerBack(process, 120_000)) - restartedAt;
    return { ...fault, caughtWork, killedAt, restartedAt, recoveryMs, consumerBackMs, loadPerCore: load };
  }

  private async crashBroker(fault: PlannedFault): Promise<FaultRecord> {
    const pid = Number(readFileSync(join(env('CHAOS_KAFKA_RUN'), 'kafka', 'kafka.pid'), 'utf8').trim());
    const killedAt = Date.now();
    globalThis.process.kill(pid, 'SIGKILL');
    await gone([pid]);
    await sleep(fault.downMs);
    const restartedAt = Date.now();
    await this.startBroker();
    const recoveryMs = Date.now() - restartedAt;
    const back = { caughtWork: false, killedAt, restartedAt, recoveryMs, loadPerCore: loadPerCore() };
    return { ...fault, ...back, ...(await this.servicesReady()) };
  }

  private startBroker(): Promise<unknown> {
    return run('bash', [join(REPO_ROOT, 'scripts/kafka.sh'), 'up'], {
      env: {
        ...globalThis.process.env,
        MEDGRID_RUN: env('CHAOS_KAFKA_RUN'),
        MEDGRID_LOGS: env('CHAOS_KAFKA_LOGS'),
        MEDGRID_KAFKA_PORT: env('CHAOS_KAFKA_PORT'),
        MEDGRID_KAFKA_CONTROLLER_PORT: env('CHAOS_KAFKA_CONTROLLER_PORT'),
      },
    });
  }

  private async crashPostgres(fault: PlannedFault): Promise<FaultRecord> {
    const dir = env('CHAOS_PG_DIR');
    const cluster = join(REPO_ROOT, 'scripts/lib/pg-cluster.sh');
    const killedAt = Date.now();
    if (fault.postgresBy === 'immediate-stop') {
      await run('bash', [cluster, 'crash', dir]);
    } else {
      const postmaster = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
      // The backends too: a postmaster killed alone leaves them holding its shared memory, and a new one refuses to
      // start beside them, which is PostgreSQL protecting itself, not a crash the services have to survive.
      const pids = [postmaster, ...childrenOf(postmaster)];
      for (const pid of pids) killIfAlive(pid);
      await gone(pids);
    }
    await sleep(fault.downMs);
    const restartedAt = Date.now();
    await run('bash', [cluster, 'start', dir]);
    const recoveryMs = Date.now() - restartedAt;
    await this.city.reconnectHarness();
    const back = { caughtWork: false, killedAt, restartedAt, recoveryMs, loadPerCore: loadPerCore() };
    return { ...fault, ...back, ...(await this.servicesReady()) };
  }

  /** Polls for work in the service's hands every few milliseconds; true once seen, false if none came in time. */
  private async workInHand(service: ChaosService, waitMs: number): Promise<boolean> {
    const until = Date.now() + waitMs;
    while (Date.now() < until) {
      const own = await this.city
        .query<{ n: number }>(service, `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)
        .catch(() => [{ n: 0 }]);
      if (own[0]!.n > 0) return true;
      for (const upstream of UPSTREAM[service]) {
        const fresh = await this.city
          .query<{ n: number }>(
            upstream,
            `SELECT count(*)::int AS n FROM outbox WHERE published_at > now() - interval '150 milliseconds'`,
          )
          .catch(() => [{ n: 0 }]);
        if (fresh[0]!.n > 0) return true;
      }
      await sleep(5);
    }
    return false;
  }

  private async servicesReady(): Promise<{ servicesReadyMs: number }> {
    const started = Date.now();
    for (const service of CHAOS_SERVICES) {
      const process = this.city.process(service);
      while (Date.now() - started < 120_000) {
        const ready = await process.readiness().then(
          (r) => r.ready,
          () => false,
        );
        if (ready) break;
        await sleep(100);
      }
    }
    return { servicesReadyMs: Date.now() - started };
  }
}

/**
 * SIGKILLs the process unless it has exited already: a backend listed a moment ago may have ended since (its client
 * gone), and that is what the kill was for. Anything else (a process of another user) is a failure of the run.
 */
function killIfAlive(pid: number): void {
  try {
    globalThis.process.kill(pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** The moment the service's readiness first reports its consumer in its group. */
async function consumerBack(process: ServiceProcess, timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const report = await process.readiness().catch(() => undefined);
    if (report && report.checks.consumer?.ok !== false) return Date.now();
    await sleep(100);
  }
  throw new Error(`${process.service}'s consumer was not back in its group within ${timeoutMs} ms`);
}

/** The moment the server at the address first answers grpc.health.v1 Check with SERVING. */
async function firstServing(address: string, timeoutMs: number): Promise<number> {
  const client = new Client(address, credentials.createInsecure());
  const until = Date.now() + timeoutMs;
  try {
    while (Date.now() < until) {
      const serving = (await serverHealth(client, 500)) === 'SERVING';
      if (serving) return Date.now();
      await sleep(25);
    }
    throw new Error(`${address} did not answer grpc.health.v1 within ${timeoutMs} ms`);
  } finally {
    client.close();
  }
}

function loadPerCore(): number {
  return Math.round((loadavg()[0]! / availableParallelism()) * 10) / 10;
}

function childrenOf(parent: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ...", comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function gone(pids: readonly number[]): Promise<void> {
  // A zombie is dead too: whoever should reap it may not do so soon.
  const alive = (pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    } catch {
      return false;
    }
  };
  while (pids.some(alive)) await sleep(20);
}

function env(name: string): string {
  const value = globalThis.process.env[name];
  if (!value) throw new Error(`${name} is not set: run the chaos suite through scripts/chaos.sh`);
  return value;
}
