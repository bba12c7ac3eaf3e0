import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { type ReadinessReport } from '@medgrid/health';
import { TEST_AUDIENCE, TEST_ISSUER, testKafkaBrokers, waitFor } from '@medgrid/testing';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * The fixed ports of the platform scripts/up.sh runs (each service's gRPC and HTTP port, as deploy/helm/services.json
 * lists them; the broker and its controller; Prometheus; Jaeger's UI and OTLP receivers). They lie inside Linux's
 * ephemeral range (32768-60999), which port 0 draws from: a harness's service given one of them could still hold it
 * when test.sh starts the platform after the suites (a gateway once failed to start on EADDRINUSE 127.0.0.1:50066).
 */
const PLATFORM_PORTS = new Set([
  ...(
    JSON.parse(readFileSync(resolve(REPO_ROOT, 'deploy', 'helm', 'services.json'), 'utf8')) as {
      services: { ports: { grpc: number; http: number } }[];
    }
  ).services.flatMap(({ ports }) => [ports.grpc, ports.http]),
  19092,
  19093,
  9090,
  16686,
  4317,
  4318,
]);

/** A port free now that is none of the platform's fixed ports. */
export async function freePort(): Promise<number> {
  for (let tries = 0; ; tries++) {
    const port = await anyFreePort();
    if (!PLATFORM_PORTS.has(port) || tries >= 20) return port;
  }
}

function anyFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs a service's migrate command (from its build) and returns its exit code and output. */
export function migrate(
  service: string,
  databaseUrl: string,
  command: 'up' | 'check',
): { code: number; output: string } {
  const result = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'services', service, 'dist/database/migrate.js'), command],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    },
  );
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** Migrates the service's fresh database up; throws with the migration's output when it fails. */
export function migrateUp(service: string, databaseUrl: string): void {
  const migrated = migrate(service, databaseUrl, 'up');
  if (migrated.code !== 0) throw new Error(`${service} migration failed: ${migrated.output}`);
}

/**
 * What every service reads from its environment in these tests: its database, the project's Kafka,
 * the test token issuer's key and claims, and an outbox relay that polls often, so a test waits
 * on events for milliseconds rather than the production interval. `env` adds or overrides.
 */
export function serviceEnv(
  databaseUrl: string,
  publicKeyFile: string,
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    AUTH_PUBLIC_KEY_FILE: publicKeyFile,
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    OUTBOX_POLL_INTERVAL_MS: '50',
    ...env,
  };
}

/**
 * One service as a real OS process, started from its build exactly as
 * scripts/up.sh does, so a test can kill it with SIGKILL mid-way.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;

  constructor(
    readonly service: string,
    readonly grpcPort: number,
    readonly httpPort: number,
    private readonly env: Record<string, string>,
  ) {}

  /** The service on two free ports of this machine, not started yet. */
  static async onFreePorts(service: string, env: Record<string, string>): Promise<ServiceProcess> {
    return new ServiceProcess(service, await freePort(), await freePort(), env);
  }

  get grpcAddress(): string {
    return `127.0.0.1:${this.grpcPort}`;
  }

  /**
   * Starts the process and waits until it is ready and, unless told otherwise, until its consumer has joined its
   * group: the service serves before that (readiness lists the consumer as not required), but a test that sends it
   * events right away expects them applied within its usual waits, and after a SIGKILL the join can take the dead
   * member's whole session timeout.
   */
  async start(extraEnv: Record<string, string> = {}, { waitForConsumer = true } = {}): Promise<void> {
    const logDir = join(REPO_ROOT, '.logs', 'e2e');
    mkdirSync(logDir, { recursive: true });
    const log = createWriteStream(join(logDir, `${this.service}.log`), { flags: 'a' });
    this.child = spawn(process.execPath, [join(REPO_ROOT, 'services', this.service, 'dist/main.js')], {
      env: {
        ...process.env,
        ...this.env,
        GRPC_PORT: String(this.grpcPort),
        HTTP_PORT: String(this.httpPort),
        LOG_LEVEL: 'info',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
    await waitFor(
      `${this.service} readiness`,
      async () => {
        if (this.child?.exitCode !== null)
          throw new Error(`${this.service} exited with ${this.child?.exitCode}`);
        const response = await fetch(`http://127.0.0.1:${this.httpPort}/health/ready`);
        if (!response.ok) return undefined;
        if (!waitForConsumer) return true;
        const report = (await response.json()) as ReadinessReport;
        return report.checks.consumer?.ok === false ? undefined : true;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  }

  /** The service's readiness report as /health/ready answers it. */
  async readiness(): Promise<ReadinessReport> {
    return (await (await fetch(`http://127.0.0.1:${this.httpPort}/health/ready`)).json()) as ReadinessReport;
  }

  /** SIGKILL: no shutdown hooks, no flush: a crash. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: the orderly shutdown path. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  async metrics(): Promise<string> {
    return (await fetch(`http://127.0.0.1:${this.httpPort}/metrics`)).text();
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    child.kill(signal);
    await exited;
    this.child = undefined;
  }
}
