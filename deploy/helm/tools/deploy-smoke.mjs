// The deployment smoke test without a cluster (scripts/deploy-smoke.sh runs it): renders the umbrella
// chart for this machine's infrastructure and does with the render what Kubernetes would, as local
// processes from the repository root (the image's working directory):
//
//   1. for each service, an empty database medgrid_smoke_<service> on the local PostgreSQL and the
//      migration Job's command as rendered on it, with the Job container's environment (while the
//      test's own Kafka broker starts: migrations need none);
//   2. for each service, the Deployment container's command as rendered, with exactly the
//      environment the container gets: env and envFrom, values from the Secrets and ConfigMaps this
//      test creates (in memory, from .cache/secrets), volumes written to a temporary directory;
//   3. the readiness probe's HTTP path and port as rendered, asked until it answers 200 (within the
//      startup and readiness probes' budget), then SIGTERM and the wait for the process to end within
//      terminationGracePeriodSeconds; last, the databases are dropped and the broker stopped.
//
// What a pod has and a local process has not, and how it is bridged (printed at the start):
//   - the filesystem: /etc is not writable here, so each volume mount becomes a folder of the
//     temporary directory, and an env value or command argument that starts with a mount path gets
//     that folder instead; nothing else of the rendered environment is changed;
//   - the image's own environment: PATH (this Node's bin folder first), nothing else of this shell;
//   - the network: ports no platform process uses (chosen free, and none of scripts/lib/services.sh's
//     nor the platform's Kafka, PostgreSQL, Prometheus or Jaeger ports), set through the chart's
//     own values (containerPorts, service.ports, the gateway's peer addresses) and checked in the
//     rendered env; listenAddress 127.0.0.1;
//   - Kafka: a broker of its own (scripts/kafka.sh on those ports, state in the temporary directory)
//     with the platform's topics. A consumer group is KAFKA_CONSUMER_GROUP or the service's name and
//     every consumer reads its topics from the beginning, so on the platform's broker a smoke instance
//     would either join the running service's group (taking its partitions, committing its offsets)
//     or, in a group of its own, read the platform's events and park what it cannot apply on the
//     platform's dead-letter topics; its relay would publish there too. On its own broker it can do
//     none of that, with the chart's consumer settings as rendered.
//
//   node deploy/helm/tools/deploy-smoke.mjs --charts <deploy/helm copy, dependencies built> --helm <helm>
//        --kube-version <v> --work <temporary directory> [--only <service>[,<service>...]]
// Environment: MEDGRID_PG_HOST, MEDGRID_PG_PORT, MEDGRID_PG_USER, MEDGRID_PG_PASSWORD,
// MEDGRID_ISSUER_PUBLIC_KEY, MEDGRID_ISSUER_PRIVATE_KEY (scripts/deploy-smoke.sh exports them).
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { parseAllDocuments, stringify } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const args = Object.fromEntries(
  process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith('--') ? [[arg.slice(2), all[i + 1]]] : [])),
);
for (const required of ['charts', 'helm', 'kube-version', 'work'])
  if (!args[required]) {
    console.error(
      `usage: deploy-smoke.mjs --charts <dir> --helm <helm> --kube-version <v> --work <dir> [--only <services>]`,
    );
    process.exit(2);
  }
const WORK = args.work;
const RELEASE = 'medgrid';
const NAMESPACE = 'medgrid';
const started = Date.now();
const log = (line) => process.stdout.write(`[deploy-smoke] ${line}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** A failure that ends the run, with what the process printed. */
class SmokeFailure extends Error {
  constructor(message, output = '') {
    super(message);
    this.output = output;
  }
}

// ---- ports -------------------------------------------------------------------------------------
/** Ports the platform uses on this machine (scripts/lib/services.sh, scripts/lib/common.sh, Jaeger). */
function platformPorts() {
  const services = readFileSync(join(ROOT, 'scripts/lib/services.sh'), 'utf8');
  const ports = new Set([5432, 19092, 19093, 9090, 4317, 4318, 16686]);
  for (const m of services.matchAll(/"[a-z-]+:(\d+):(\d+)"/g)) ports.add(Number(m[1])).add(Number(m[2]));
  for (const name of [
    'MEDGRID_PG_PORT',
    'MEDGRID_KAFKA_PORT',
    'MEDGRID_KAFKA_CONTROLLER_PORT',
    'MEDGRID_PROMETHEUS_PORT',
  ])
    if (process.env[name]) ports.add(Number(process.env[name]));
  return ports;
}

/** `count` distinct ports free on 127.0.0.1 now, none of the platform's. */
async function freePorts(count) {
  const avoid = platformPorts();
  const ports = [];
  while (ports.length < count) {
    const port = await new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port: chosen } = server.address();
        server.close(() => resolve(chosen));
      });
    });
    if (!avoid.has(port) && !ports.includes(port)) ports.push(port);
  }
  return ports;
}

// ---- processes ---------------------------------------------------------------------------------
/** Runs a command to its end; resolves with its exit code, output and duration. */
function run(command, argv, { env, cwd = ROOT }) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) =>
      resolve({ code: -1, output: `${output}${error.message}\n`, ms: Date.now() - t0 }),
    );
    child.on('close', (code, signal) => resolve({ code: code ?? signal, output, ms: Date.now() - t0 }));
  });
}

const tail = (text, lines = 60) => text.split('\n').slice(-lines).join('\n');

// ---- Kafka of its own ----------------------------------------------------------------------------
function kafkaEnv(ports) {
  return {
    ...process.env,
    MEDGRID_RUN: join(WORK, 'run'),
    MEDGRID_LOGS: join(WORK, 'logs'),
    MEDGRID_KAFKA_PORT: String(ports.broker),
    MEDGRID_KAFKA_CONTROLLER_PORT: String(ports.controller),
  };
}

async function startKafka(ports) {
  const up = await run('bash', ['scripts/kafka.sh', 'up'], { env: kafkaEnv(ports) });
  if (up.code !== 0) throw new SmokeFailure(`the smoke test's Kafka broker did not start`, up.output);
  const brokers = `127.0.0.1:${ports.broker}`;
  const topics = await run(process.execPath, ['libs/platform/messaging/dist/cli/ensure-topics.js'], {
    env: { PATH: process.env.PATH, KAFKA_BROKERS: brokers, KAFKAJS_NO_PARTITIONER_WARNING: '1' },
  });
  if (topics.code !== 0) throw new SmokeFailure(`creating the topics on ${brokers} failed`, topics.output);
  return up.ms + topics.ms;
}

async function stopKafka(ports) {
  const down = await run('bash', ['scripts/kafka.sh', 'down'], { env: kafkaEnv(ports) });
  if (down.code !== 0) log(`WARNING: stopping the smoke test's broker failed:\n${tail(down.output, 20)}`);
}

// ---- the render ----------------------------------------------------------------------------------
const SERVICES = JSON.parse(readFileSync(join(ROOT, 'deploy/helm/services.json'), 'utf8')).services.map(
  (s) => s.name,
);
/** The gateway's value for each peer's gRPC address (services.json: settings.<camelName>Address). */
const addressValue = (name) => `${name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())}Address`;

function smokeValues(ports, brokers) {
  const values = { global: { kafka: { brokers: [brokers] } } };
  for (const name of SERVICES) {
    const { grpc, http } = ports[name];
    values[name] = {
      listenAddress: '127.0.0.1',
      containerPorts: { grpc, http },
      service: { ports: { grpc, http } },
    };
  }
  values.gateway.settings = Object.fromEntries(
    SERVICES.filter((name) => name !== 'gateway').map((name) => [
      addressValue(name),
      `127.0.0.1:${ports[name].grpc}`,
    ]),
  );
  return values;
}

async function render(values) {
  const file = join(WORK, 'smoke.values.yaml');
  writeFileSync(file, stringify(values));
  const { stdout } = await promisify(execFile)(
    args.helm,
    [
      'template',
      RELEASE,
      join(args.charts, 'medgrid'),
      '--namespace',
      NAMESPACE,
      '--kube-version',
      args['kube-version'],
      '-f',
      file,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return parseAllDocuments(stdout)
    .map((doc) => doc.toJS())
    .filter(Boolean);
}

/** The service's server Deployment and migration Job, as rendered. */
function workloadsOf(objects, name) {
  const mine = (o, component) =>
    o.spec?.template?.metadata?.labels?.['app.kubernetes.io/name'] === name &&
    o.spec.template.metadata.labels['app.kubernetes.io/component'] === component;
  const deployment = objects.find((o) => o.kind === 'Deployment' && mine(o, 'server'));
  const job = objects.find((o) => o.kind === 'Job' && mine(o, 'migrations'));
  if (!deployment) throw new SmokeFailure(`the render has no Deployment of ${name}`);
  if (!job) throw new SmokeFailure(`the render has no migration Job of ${name} (migrations.enabled?)`);
  return { deployment, job };
}

// ---- what the cluster would hold: Secrets and ConfigMaps -------------------------------------------
function databaseName(name) {
  return `medgrid_smoke_${name.replace(/-/g, '_')}`;
}

function databaseUrl(database) {
  const {
    MEDGRID_PG_USER: user,
    MEDGRID_PG_PASSWORD: password,
    MEDGRID_PG_HOST: host,
    MEDGRID_PG_PORT: port,
  } = process.env;
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${database}`;
}

/**
 * The Secrets deploy/helm/README.md tells an operator to create, made from this machine's: each
 * service's database URL (its smoke database), the development issuer's key pair (.cache/secrets)
 * and a CSRF secret of this run's own.
 */
function localSecrets() {
  const secrets = {
    'medgrid-auth-public-key': { 'public.pem': readFileSync(process.env.MEDGRID_ISSUER_PUBLIC_KEY, 'utf8') },
    'medgrid-gateway-signing-key': {
      'private.pem': readFileSync(process.env.MEDGRID_ISSUER_PRIVATE_KEY, 'utf8'),
    },
    'medgrid-gateway-csrf': { secret: randomBytes(32).toString('hex') },
  };
  for (const name of SERVICES)
    secrets[`medgrid-${name}-database`] = { DATABASE_URL: databaseUrl(databaseName(name)) };
  return secrets;
}

function lookUp(store, kind, ref, key) {
  const data = store[ref.name];
  if (data && key in data) return data[key];
  if (ref.optional) return undefined;
  throw new SmokeFailure(
    `${kind} ${ref.name}${key === undefined ? '' : ` key ${key}`} is referenced but not one the smoke test creates`,
  );
}

// ---- a pod as local files and an environment ----------------------------------------------------
/**
 * Writes the container's volumes under `dir` and returns each mount path with its folder, longest
 * first (a mount inside another wins).
 */
function mountVolumes(podSpec, container, dir, stores) {
  const mounts = [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = (podSpec.volumes ?? []).find((v) => v.name === mount.name);
    if (!volume) throw new SmokeFailure(`volume mount ${mount.name} has no volume`);
    if (mount.subPath) throw new SmokeFailure(`volume mount ${mount.name}: subPath is not supported here`);
    const folder = join(dir, mount.name);
    mkdirSync(folder, { recursive: true });
    const source = volume.secret
      ? {
          kind: 'Secret',
          ref: { name: volume.secret.secretName, optional: volume.secret.optional },
          spec: volume.secret,
          store: stores.secrets,
        }
      : volume.configMap
        ? { kind: 'ConfigMap', ref: volume.configMap, spec: volume.configMap, store: stores.configMaps }
        : null;
    if (source) {
      const data = source.store[source.ref.name];
      if (!data && !source.ref.optional)
        throw new SmokeFailure(
          `${source.kind} ${source.ref.name} is mounted but not one the smoke test creates`,
        );
      const items = source.spec.items ?? Object.keys(data ?? {}).map((key) => ({ key, path: key }));
      for (const item of items) {
        const value = lookUp(source.store, source.kind, source.ref, item.key);
        if (value === undefined) continue;
        const file = join(folder, item.path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, value);
        chmodSync(file, item.mode ?? source.spec.defaultMode ?? 0o644);
      }
    } else if (!volume.emptyDir) {
      throw new SmokeFailure(
        `volume ${volume.name}: only emptyDir, secret and configMap volumes are supported here`,
      );
    }
    mounts.push({ path: mount.mountPath.replace(/\/+$/, ''), folder });
  }
  return mounts.sort((a, b) => b.path.length - a.path.length);
}

/** A text with a mount path prefix replaced by its folder; any other text as it is. */
function onDisk(text, mounts) {
  const mount = mounts.find((m) => text === m.path || text.startsWith(`${m.path}/`));
  return mount ? mount.folder + text.slice(mount.path.length) : text;
}

/**
 * The container's environment as the kubelet builds it: envFrom first, then env (which wins), $(VAR)
 * expanded from what precedes it; then mount paths rewritten.
 */
function containerEnv(container, stores, mounts, rewrites) {
  const env = {};
  for (const from of container.envFrom ?? []) {
    const [kind, ref, store] = from.secretRef
      ? ['Secret', from.secretRef, stores.secrets]
      : ['ConfigMap', from.configMapRef, stores.configMaps];
    const data = store[ref.name];
    if (!data && !ref.optional)
      throw new SmokeFailure(`${kind} ${ref.name} (envFrom) is not one the smoke test creates`);
    for (const [key, value] of Object.entries(data ?? {})) env[`${from.prefix ?? ''}${key}`] = value;
  }
  const expand = (text) =>
    text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (match, name) =>
      match === '$$' ? '$' : name in env ? env[name] : match,
    );
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    let value;
    if (!from) value = expand(variable.value ?? '');
    else if (from.secretKeyRef)
      value = lookUp(stores.secrets, 'Secret', from.secretKeyRef, from.secretKeyRef.key);
    else if (from.configMapKeyRef)
      value = lookUp(stores.configMaps, 'ConfigMap', from.configMapKeyRef, from.configMapKeyRef.key);
    else if (from.fieldRef?.fieldPath === 'metadata.namespace') value = NAMESPACE;
    else throw new SmokeFailure(`env ${variable.name}: ${JSON.stringify(from)} is not supported here`);
    if (value !== undefined) env[variable.name] = value;
  }
  for (const [name, value] of Object.entries(env)) {
    const local = onDisk(value, mounts);
    if (local !== value) {
      rewrites.push(`${name}=${value} -> ${local}`);
      env[name] = local;
    }
  }
  return env;
}

/** The process of a container: command and args as rendered (mount paths rewritten), PATH from the image. */
function processOf(container, env, mounts) {
  const argv = [...(container.command ?? []), ...(container.args ?? [])].map((arg) => onDisk(arg, mounts));
  if (!argv.length)
    throw new SmokeFailure(
      `container ${container.name} has no command (the image's entrypoint is not known here)`,
    );
  const [command, ...rest] = argv;
  return {
    command: command === 'node' ? process.execPath : command,
    argv: rest,
    env: { PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, ...env },
  };
}

// ---- one service ---------------------------------------------------------------------------------
async function withAdmin(work) {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The probe's URL and its patience: the startup probe's budget, then the readiness probe's. */
function readiness(container) {
  const probe = container.readinessProbe?.httpGet;
  if (!probe) throw new SmokeFailure(`container ${container.name} has no HTTP readiness probe`);
  const port =
    typeof probe.port === 'number'
      ? probe.port
      : container.ports?.find((p) => p.name === probe.port)?.containerPort;
  if (!port)
    throw new SmokeFailure(`readiness probe port ${probe.port} is no port of container ${container.name}`);
  const budget = (p) =>
    p ? (p.periodSeconds ?? 10) * (p.failureThreshold ?? 3) + (p.initialDelaySeconds ?? 0) : 0;
  const scheme = (probe.scheme ?? 'HTTP').toLowerCase();
  return {
    url: `${scheme}://127.0.0.1:${port}${probe.path ?? '/'}`,
    port,
    patienceMs: (budget(container.startupProbe) + budget(container.readinessProbe)) * 1000,
  };
}

async function answers200(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Checks that the rendered env carries the ports chosen for this run (else it would take the platform's). */
function checkPorts(name, container, ports) {
  const declared = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
  for (const [variable, want] of [
    ['GRPC_PORT', ports.grpc],
    ['HTTP_PORT', ports.http],
  ])
    if (declared[variable] !== String(want))
      throw new SmokeFailure(
        `${name}: the rendered ${variable} is ${declared[variable]}, not the port ${want} set for the smoke test`,
      );
}

/** A fresh database, and the migration Job's command on it; returns its duration. */
async function migrateService(name, job, stores, rewrites) {
  const database = databaseName(name);
  await withAdmin(async (db) => {
    await db.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await db.query(`CREATE DATABASE ${database}`);
  });
  const podSpec = job.spec.template.spec;
  const container = podSpec.containers[0];
  const mounts = mountVolumes(podSpec, container, join(WORK, name, 'job'), stores);
  const { command, argv, env } = processOf(
    container,
    containerEnv(container, stores, mounts, rewrites),
    mounts,
  );
  const migration = await run(command, argv, { env });
  if (migration.code !== 0)
    throw new SmokeFailure(
      `${name}: the migration Job's command exited with ${migration.code}`,
      migration.output,
    );
  return migration.ms;
}

/** The server container started, asked for readiness as the kubelet would, then stopped. */
async function serveService(name, deployment, stores, rewrites) {
  const podSpec = deployment.spec.template.spec;
  const container = podSpec.containers[0];
  const dir = join(WORK, name);
  const mounts = mountVolumes(podSpec, container, join(dir, 'pod'), stores);
  const { command, argv, env } = processOf(
    container,
    containerEnv(container, stores, mounts, rewrites),
    mounts,
  );
  const probe = readiness(container);
  const out = createWriteStream(join(dir, 'server.log'));
  const t0 = Date.now();
  const child = spawn(command, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = null;
  const keep = (chunk) => {
    output = tail(output + chunk, 400);
    out.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('error', (error) => keep(`${error.message}\n`));
  const gone = new Promise((resolve) =>
    child.on('close', (code, signal) => resolve((exited = code ?? signal))),
  );
  const result = { probe: probe.url };
  try {
    while (!(await answers200(probe.url))) {
      if (exited !== null)
        throw new SmokeFailure(`${name} exited with ${exited} before it was ready`, output);
      if (Date.now() - t0 > probe.patienceMs)
        throw new SmokeFailure(
          `${name}: ${probe.url} did not answer 200 within ${seconds(probe.patienceMs)}`,
          output,
        );
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    result.readyMs = Date.now() - t0;
  } finally {
    const t1 = Date.now();
    if (exited === null) child.kill('SIGTERM');
    const grace = (podSpec.terminationGracePeriodSeconds ?? 30) * 1000;
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), grace).unref());
    if ((await Promise.race([gone, timeout])) === 'timeout') {
      child.kill('SIGKILL');
      await gone;
      if (result.readyMs !== undefined)
        throw new SmokeFailure(
          `${name} did not stop within terminationGracePeriodSeconds after SIGTERM`,
          output,
        );
    }
    result.stopMs = Date.now() - t1;
    result.exit = exited;
    out.end();
  }
  return result;
}

// ---- main ----------------------------------------------------------------------------------------
async function main() {
  const only = args.only ? args.only.split(',') : SERVICES;
  for (const name of only) if (!SERVICES.includes(name)) throw new SmokeFailure(`--only: no service ${name}`);
  const [broker, controller, ...servicePorts] = await freePorts(2 + 2 * SERVICES.length);
  const kafkaPorts = { broker, controller };
  const ports = Object.fromEntries(
    SERVICES.map((name, i) => [name, { grpc: servicePorts[2 * i], http: servicePorts[2 * i + 1] }]),
  );
  const brokers = `127.0.0.1:${broker}`;
  log(
    `a Kafka broker of its own on ${brokers} (controller ${controller}); gRPC/HTTP ports ${only.map((n) => `${n} ${ports[n].grpc}/${ports[n].http}`).join(', ')}`,
  );
  // The broker starts while the chart renders and the migrations run: they need no Kafka.
  const kafka = startKafka(kafkaPorts);
  kafka.catch(() => {});
  const migrated = [];
  try {
    const objects = await render(smokeValues(ports, brokers));
    log(
      `rendered the umbrella chart (release ${RELEASE}, namespace ${NAMESPACE}): ${objects.length} objects, ${objects.filter((o) => o.kind === 'Deployment').length} Deployments`,
    );
    const stores = { secrets: localSecrets(), configMaps: {} };
    const results = [];
    for (const name of only) {
      const { deployment, job } = workloadsOf(objects, name);
      checkPorts(name, deployment.spec.template.spec.containers[0], ports[name]);
      const rewrites = [];
      migrated.push(name);
      results.push({
        name,
        deployment,
        rewrites,
        migrationMs: await migrateService(name, job, stores, rewrites),
      });
    }
    log(`Kafka ready with the platform's topics in ${seconds(await kafka)}`);
    for (const result of results) {
      Object.assign(result, await serveService(result.name, result.deployment, stores, result.rewrites));
      log(
        `${result.name.padEnd(12)} migrations ${seconds(result.migrationMs).padStart(6)}   ready ${seconds(result.readyMs).padStart(6)}  (${result.probe} answered 200)   stopped in ${seconds(result.stopMs)} (exit ${result.exit})`,
      );
    }
    const rewritten = [
      ...new Set(
        results.flatMap((r) =>
          r.rewrites.map((line) => line.replaceAll(join(WORK, r.name), '<tmp>/<service>')),
        ),
      ),
    ];
    log(`mount paths rewritten, nothing else of the rendered environment: ${rewritten.join('; ')}`);
    log(
      `${results.length} services: migrations on an empty database and ready, in ${seconds(Date.now() - started)} in all`,
    );
  } finally {
    await Promise.all(
      migrated.map((name) =>
        withAdmin((db) => db.query(`DROP DATABASE IF EXISTS ${databaseName(name)} WITH (FORCE)`)).catch(
          (error) => log(`WARNING: dropping ${databaseName(name)} failed: ${error.message}`),
        ),
      ),
    );
    await kafka.catch(() => {});
    await stopKafka(kafkaPorts);
  }
}

main().catch((error) => {
  process.stderr.write(`[deploy-smoke] FAILED: ${error.message}\n`);
  if (error.output) process.stderr.write(`---- its output (last lines) ----\n${tail(error.output)}\n`);
  process.exit(1);
});
