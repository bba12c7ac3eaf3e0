import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { waitUntilCaughtUp } from './consumer-lag';
import { GATEWAY_INPUT_TOPICS } from './gateway-harness';
import { ReferralHarness } from './referral-harness';
import { REPO_ROOT, ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

/**
 * Registry, scheduling, referral and the gateway as real processes on fresh databases: the
 * gateway signs its users' service tokens with the key the services trust (the test issuer's),
 * calls them over gRPC as each user, and learns institutions from the registry's topics. Its
 * first city operator is made by its own command, as scripts/up.sh makes it.
 */
export class PortalGatewayHarness extends ReferralHarness {
  readonly operatorUsername = 'operator.e2e';
  readonly operatorPassword = `operator-${randomBytes(12).toString('hex')}`;
  gatewayDb!: TestDatabase;
  gatewayProcess!: ServiceProcess;
  gatewaySql!: PgClient;

  override async start(label: string, env: Record<string, string> = {}): Promise<void> {
    await super.start(label, env);
    const moreServices = await this.startMoreServices(label);
    this.gatewayDb = await migratedDatabase('gateway', `${label}_gateway`);
    this.createOperator();
    const consumerGroup = `gateway-${label}-${uniqueSuffix()}`;
    const csrfSecretFile = join(mkdtempSync(join(tmpdir(), 'gateway-e2e-')), 'csrf-secret');
    writeFileSync(csrfSecretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.gatewayProcess = await ServiceProcess.onFreePorts(
      'gateway',
      serviceEnv(this.gatewayDb.url, this.registry.auth.publicKeyFile, {
        KAFKA_CONSUMER_GROUP: consumerGroup,
        AUTH_SIGNING_KEY_FILE: this.registry.auth.privateKeyFile,
        CSRF_SECRET_FILE: csrfSecretFile,
        PASSWORD_HASH_MEMORY_KIB: '1024',
        REGISTRY_GRPC_ADDRESS: this.registry.process.grpcAddress,
        REFERRAL_GRPC_ADDRESS: this.referralProcess.grpcAddress,
        SCHEDULING_GRPC_ADDRESS: this.process.grpcAddress,
        ...moreServices,
        ...env,
      }),
    );
    await this.gatewayProcess.start();
    await waitUntilCaughtUp(consumerGroup, GATEWAY_INPUT_TOPICS);
    this.gatewaySql = new PgClient({ connectionString: this.gatewayDb.url });
    await this.gatewaySql.connect();
  }

  override async stop(): Promise<void> {
    await this.gatewaySql?.end();
    await this.gatewayProcess?.stop();
    await this.gatewayDb?.drop();
    await super.stop();
  }

  /**
   * Starts services beyond registry, scheduling and referral before the gateway, answering the gateway's settings
   * that point at them: none here, so the suites that need no more start no more.
   */
  protected startMoreServices(_label: string): Promise<Record<string, string>> {
    return Promise.resolve({});
  }

  /** The gateway's HTTP address, as a browser reaches it. */
  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.gatewayProcess.httpPort}`;
  }

  /** Waits until the gateway has learnt the institutions (institution staff call as their level says). */
  async gatewayKnows(...institutionIds: string[]): Promise<void> {
    await waitFor(
      'the gateway to learn the institutions from the registry',
      async () => {
        const { rows } = await this.gatewaySql.query<{ n: string }>(
          'SELECT count(*) AS n FROM known_institution WHERE id = ANY($1::uuid[])',
          [institutionIds],
        );
        return Number(rows[0]!.n) === institutionIds.length ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }

  /** The registry's first city's operator, made by database/create-operator.js from its build. */
  private createOperator(): void {
    const made = spawnSync(
      process.execPath,
      [
        join(REPO_ROOT, 'services/gateway/dist/database/create-operator.js'),
        '--username',
        this.operatorUsername,
        '--display-name',
        '广州市卫健委运营',
        '--city',
        this.registry.cityId,
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: this.gatewayDb.url,
          MEDGRID_OPERATOR_PASSWORD: this.operatorPassword,
          PASSWORD_HASH_MEMORY_KIB: '1024',
        },
        encoding: 'utf8',
      },
    );
    if (made.status !== 0) throw new Error(`create-operator failed: ${made.stdout}${made.stderr}`);
  }
}

/** An answer of the gateway's API: its status and JSON body. */
export interface PortalAnswer {
  readonly status: number;
  readonly body: PortalBody;
  readonly setCookies: readonly string[];
}

/** The parts of the gateway's JSON the tests read. */
export interface PortalBody {
  readonly error?: {
    code: string;
    message: string;
    reason?: string;
    fields: { field: string; reason: string; description: string }[];
  };
  readonly [key: string]: unknown;
}

/**
 * A browser of the portal, as far as the gateway can tell: it keeps the cookies the gateway sets,
 * sends the CSRF token the sign-in gave as X-CSRF-Token on state-changing calls (unless told not
 * to) and asks for a language.
 */
export class PortalBrowser {
  private cookies = new Map<string, string>();
  csrfToken = '';

  constructor(private readonly baseUrl: string) {}

  async signIn(username: string, password: string): Promise<PortalAnswer> {
    const answer = await this.call('POST', '/api/auth/sign-in', { body: { username, password } });
    if (answer.status === 200) this.csrfToken = String(answer.body.csrfToken);
    return answer;
  }

  /** `traceparent`: the W3C trace context a browser's tracing would send with the request. */
  get(path: string, options: { language?: string; traceparent?: string } = {}): Promise<PortalAnswer> {
    return this.call('GET', path, options);
  }

  post(
    path: string,
    body: unknown,
    options: { language?: string; csrf?: boolean } = {},
  ): Promise<PortalAnswer> {
    return this.call('POST', path, { ...options, body });
  }

  put(path: string, body: unknown, options: { language?: string } = {}): Promise<PortalAnswer> {
    return this.call('PUT', path, { ...options, body });
  }

  patch(path: string, body: unknown, options: { language?: string } = {}): Promise<PortalAnswer> {
    return this.call('PATCH', path, { ...options, body });
  }

  delete(path: string, body?: unknown, options: { language?: string } = {}): Promise<PortalAnswer> {
    return this.call('DELETE', path, { ...options, body });
  }

  /** Replaces the session cookie with another value (a forged one, say). */
  forgeSession(value: string): void {
    this.cookies.set('medgrid_session', value);
  }

  private async call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    options: { body?: unknown; language?: string; csrf?: boolean; traceparent?: string },
  ): Promise<PortalAnswer> {
    const headers: Record<string, string> = { 'Accept-Language': options.language ?? 'zh-CN,zh;q=0.9' };
    if (options.traceparent) headers.traceparent = options.traceparent;
    if (this.cookies.size > 0) {
      headers.Cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (method !== 'GET' && options.csrf !== false && this.csrfToken)
      headers['X-CSRF-Token'] = this.csrfToken;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const setCookies = response.headers.getSetCookie();
    for (const cookie of setCookies) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as PortalBody, setCookies };
  }
}
