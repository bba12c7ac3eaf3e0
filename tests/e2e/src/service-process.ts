import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { waitFor } from '@medgrid/testing';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export function freePort(): Promise<number> {
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

  get grpcAddress(): string {
    return `127.0.0.1:${this.grpcPort}`;
  }

  async start(extraEnv: Record<string, string> = {}): Promise<void> {
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
        return response.ok ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
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
