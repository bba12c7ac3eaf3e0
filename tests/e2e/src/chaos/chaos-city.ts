import { Pool } from 'pg';
import { Client as PgClient } from 'pg';
import { ReferralHarness } from '../referral-harness';
import { type GroupFixture, shanghaiDate } from '../scheduling-fixtures';
import { type ServiceProcess } from '../service-process';
import { prepareSideFixture, type SideFixture } from './side-fixture';
import { SIDE_SERVICES, type SideService, SideServices } from './side-services';

/** The services the flows go through, each a process the scheduler may kill. */
export const CHAOS_SERVICES = ['registry', 'referral', 'scheduling', ...SIDE_SERVICES] as const;
export type ChaosService = (typeof CHAOS_SERVICES)[number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isSide = (service: ChaosService): service is SideService => SIDE_SERVICES.includes(service as never);

/**
 * The registry, scheduling and referral as processes (the referral harness's), with lab-sharing, pharmacy and
 * payment beside them, on the suite's own PostgreSQL cluster and broker (scripts/chaos.sh exports them as the test
 * infrastructure), with one group to refer, order, prescribe within (payment settles a group of each run's own).
 * SQL goes through pools that survive a crashed cluster: a broken connection is dropped and the next query opens
 * another, so a check after PostgreSQL came back simply works.
 */
export class ChaosCity {
  readonly h = new ReferralHarness();
  readonly side = new SideServices();
  group!: GroupFixture;
  fixture!: SideFixture;
  private readonly pools = new Map<ChaosService, Pool>();
  /** How long each part of the start took (the suite prints them): the start's cost is most of a short run's. */
  readonly startMs: Record<string, number> = {};

  async start(): Promise<void> {
    const began = Date.now();
    const timed = <T>(part: string, work: Promise<T>) =>
      work.finally(() => (this.startMs[part] = Date.now() - began));
    // Short sweeps and polls, as the end-to-end suites run them, so a flow moves in milliseconds when nothing fails.
    const harness = timed('registry, scheduling, referral', this.h.start('chaos'));
    const side = timed(
      'lab-sharing, pharmacy, payment',
      (async () => {
        await this.side.prepare();
        await this.side.start(await this.issuerKey(harness));
      })(),
    );
    // Both settled before either failure is thrown, so nothing is left starting behind a failed start.
    const [started, sided] = await Promise.allSettled([harness, side]);
    if (started.status === 'rejected') throw started.reason;
    if (sided.status === 'rejected') throw sided.reason;
    this.group = await timed('the group', this.h.newGroup('03.04'));
    for (const service of CHAOS_SERVICES) {
      const pool = new Pool({ connectionString: this.databaseUrl(service), max: 3 });
      pool.on('error', () => undefined);
      this.pools.set(service, pool);
    }
    this.guardHarnessConnections();
    this.fixture = await timed('its lab, drugs and payment rules', prepareSideFixture(this));
  }

  /**
   * Stops the services first, whatever the rest does (a cluster a run left down fails the clean-up of databases),
   * since a service left running keeps the suite's process, and the script waiting on it, alive for ever; then
   * every clean-up step, each tried even when one before it failed.
   */
  async stop(): Promise<void> {
    await Promise.all(
      CHAOS_SERVICES.map((service) =>
        this.process(service)
          .stop()
          .catch(() => undefined),
      ),
    );
    const failures: unknown[] = [];
    const steps = [
      async () => {
        for (const pool of this.pools.values()) await pool.end().catch(() => undefined);
      },
      () => this.reconnectHarness(),
      () => this.side.stop(),
      () => this.h.stop(),
    ];
    for (const step of steps) await step().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  }

  process(service: ChaosService): ServiceProcess {
    if (isSide(service)) return this.side.process(service);
    if (service === 'registry') return this.h.registry.process;
    return service === 'referral' ? this.h.referralProcess : this.h.process;
  }

  databaseUrl(service: ChaosService): string {
    if (isSide(service)) return this.side.databaseUrl(service);
    if (service === 'registry') return this.h.registry.db.url;
    return service === 'referral' ? this.h.referralDb.url : this.h.db.url;
  }

  async query<Row extends object>(service: ChaosService, sql: string, parameters: unknown[] = []) {
    return (await this.pools.get(service)!.query<Row>(sql, parameters)).rows;
  }

  /**
   * The harness's own single connections (its fixtures query through them) die with the cluster; they get new ones,
   * and until then a dead one's error is expected rather than a crash of the suite.
   */
  async reconnectHarness(): Promise<void> {
    const fresh = async (url: string) => {
      const client = new PgClient({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      return client;
    };
    const [scheduling, referral] = [this.h.sql, this.h.referralSql];
    this.h.sql = await fresh(this.h.db.url);
    this.h.referralSql = await fresh(this.h.referralDb.url);
    await scheduling.end().catch(() => undefined);
    await referral.end().catch(() => undefined);
  }

  /** `count` residents under contract with the group's team, known to referral and scheduling, a few at a time. */
  async contractedResidents(count: number): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < count; i += 4) {
      const batch = Math.min(4, count - i);
      out.push(
        ...(await Promise.all(Array.from({ length: batch }, () => this.h.contractedResident(this.group)))),
      );
    }
    return out;
  }

  /** An open session of the group's department, two days on, with room for every flow a run starts. */
  async newSession(capacity: number): Promise<string> {
    return (await this.h.newSession(this.group, { capacity, date: shanghaiDate(2) })).id;
  }

  /**
   * The key of the registry harness's token issuer, the first thing its start makes: the side services trust it,
   * so they start while the registry, scheduling and referral are still starting.
   */
  private async issuerKey(harness: Promise<void>): Promise<string> {
    let failed = false;
    harness.catch(() => (failed = true));
    while (!this.h.registry.auth) {
      if (failed) throw new Error('the registry did not start');
      await sleep(20);
    }
    return this.h.registry.auth.publicKeyFile;
  }

  private guardHarnessConnections(): void {
    this.h.sql.on('error', () => undefined);
    this.h.referralSql.on('error', () => undefined);
  }
}
