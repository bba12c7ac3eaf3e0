import {
  formatFiles,
  generateFiles,
  type GeneratorCallback,
  logger,
  type Tree,
  workspaceRoot,
} from '@nx/devkit';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
// deploy/helm/tools is not an Nx project but the plain CommonJS that scripts/helm-check.sh runs: the
// generator writes a chart with the very code that checks the charts.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  parseServices,
  prettyJson,
  serviceChartFiles,
  type ServiceEntry,
  SERVICES_FILE,
} from '../../../../deploy/helm/tools/service-charts.js';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same plain CommonJS of deploy/helm
import { dockerfile, workspacePackages } from '../../../../deploy/helm/tools/service-images.js';
import { KEBAB_CASE, serviceNames, type ServiceNames } from './names.ts';
import {
  addContractsExport,
  addE2eDependency,
  addEslintScope,
  addLocalDatabase,
  addLocalService,
  addToAccessMatrix,
  addToReadmes,
  addTopic,
  addUmbrellaDependency,
  addUmbrellaSchema,
  addUmbrellaServiceList,
  addUmbrellaValues,
  addWorkspacePackage,
  localServices,
  type Ports,
  type Topic,
} from './registrations.ts';
import { type ServiceGeneratorOptions } from './schema.ts';

/** The templates of the service's own files, read from the workspace the generator runs in. */
const TEMPLATES = join(workspaceRoot, 'tools/generators/src/service/files');

/** Local ports: service n listens on gRPC 50060 + n and HTTP 3060 + n. */
const FIRST_PORTS: Ports = { grpc: 50060, http: 3060 };

/** The workspace folders whose package.json names an npm workspace package (@medgrid/...). */
const PACKAGE_FOLDERS = ['libs', 'libs/platform', 'services', 'tests', 'tools'];

function read(tree: Tree, path: string): string {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} is missing: run the generator at the workspace root`);
  return text;
}

function readJson<T>(tree: Tree, path: string): T {
  return JSON.parse(read(tree, path)) as T;
}

function writeJson(tree: Tree, path: string, value: unknown): void {
  tree.write(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Where a service of this name already shows; the generator refuses to touch any of it. */
function existingPlaces(tree: Tree, names: ServiceNames, services: ServiceEntry[]): string[] {
  const { name, snakeName, propertyName } = names;
  const places = [
    `services/${name}`,
    `deploy/helm/${name}`,
    `proto/medgrid/${snakeName}`,
    `tests/e2e/src/${name}-harness.ts`,
  ].filter((path) => tree.exists(path));
  if (services.some((service) => service.name === name)) places.push(SERVICES_FILE);
  if (localServices(read(tree, 'scripts/lib/services.sh')).some((service) => service.name === name))
    places.push('scripts/lib/services.sh');
  if (read(tree, 'eslint.config.mjs').includes(`'scope:${name}'`)) places.push('eslint.config.mjs');
  if (new RegExp(`^ {2}- name: ${name}$`, 'm').test(read(tree, 'deploy/helm/medgrid/Chart.yaml')))
    places.push('deploy/helm/medgrid/Chart.yaml');
  if (read(tree, 'libs/contracts/src/index.ts').includes(` ${propertyName}ServiceV1 `))
    places.push('libs/contracts/src/index.ts');
  for (const folder of PACKAGE_FOLDERS)
    for (const child of tree.children(folder)) {
      const path = `${folder}/${child}/package.json`;
      if (tree.exists(path) && readJson<{ name?: string }>(tree, path).name === `@medgrid/${name}`)
        places.push(`${path} (the package @medgrid/${name})`);
    }
  return places;
}

/** The first pair 50060 + n / 3060 + n that no service listens on, here or in Helm. */
function nextFreePorts(taken: Ports[]): Ports {
  const grpc = new Set(taken.map((ports) => ports.grpc));
  const http = new Set(taken.map((ports) => ports.http));
  for (let n = 0; ; n += 1) {
    const ports = { grpc: FIRST_PORTS.grpc + n, http: FIRST_PORTS.http + n };
    if (!grpc.has(ports.grpc) && !http.has(ports.http)) return ports;
  }
}

function firstTopic(names: ServiceNames, aggregate: string): Topic {
  const aggregateNames = serviceNames(aggregate);
  return {
    key: aggregate === names.name ? names.propertyName : `${names.propertyName}${aggregateNames.className}`,
    name: `medgrid.${names.name}.${aggregate}.v1`,
    partitions: 3,
    retentionDays: 30,
  };
}

/**
 * `nx g @medgrid/tools:service <name>`: a service that follows the existing
 * ones (config, data source and migrations, a Nest context, gRPC through the
 * platform, health and metrics, unit tests), its proto package, its Helm chart
 * and an end-to-end suite, registered everywhere the services are listed.
 * Refuses a name that shows anywhere already, so running it twice changes
 * nothing. docs/decisions/0009-service-generator.md lists what it writes.
 */
export async function serviceGenerator(
  tree: Tree,
  options: ServiceGeneratorOptions,
): Promise<GeneratorCallback> {
  const names = serviceNames(options.name);
  const { name, snakeName } = names;
  const aggregate = options.aggregate ?? name;
  if (!KEBAB_CASE.test(aggregate)) throw new Error(`aggregate "${aggregate}" must be lower-case kebab-case`);
  const services = parseServices(read(tree, SERVICES_FILE));
  const existing = existingPlaces(tree, names, services);
  if (existing.length)
    throw new Error(`a service named "${name}" already exists (${existing.join(', ')}): nothing was changed`);

  const local = localServices(read(tree, 'scripts/lib/services.sh'));
  const ports = nextFreePorts([...services.map((service) => service.ports), ...local]);
  const topic = firstTopic(names, aggregate);
  const substitutions = { ...names, grpcPort: ports.grpc, httpPort: ports.http };

  // The service, its contract and its end-to-end suite.
  generateFiles(tree, join(TEMPLATES, 'service'), `services/${name}`, substitutions);
  generateFiles(tree, join(TEMPLATES, 'proto'), `proto/medgrid/${snakeName}/v1`, substitutions);
  generateFiles(tree, join(TEMPLATES, 'e2e'), 'tests/e2e/src', substitutions);

  // Its Helm chart: an entry of services.json, and the chart service-charts.js writes from it.
  const entry: ServiceEntry = {
    name,
    summary: 'its gRPC API; its changes leave through the transactional outbox.',
    description: `MedGrid ${name} service (gRPC, events through the transactional outbox)`,
    version: '0.1.0',
    appVersion: '0.1.0',
    ports,
    values: [
      {
        path: 'outbox.relayEnabled',
        env: 'OUTBOX_RELAY_ENABLED',
        doc: 'OUTBOX_RELAY_ENABLED: run the outbox relay in these pods (false: another deployment relays)',
        default: true,
        schema: { type: 'boolean', description: 'OUTBOX_RELAY_ENABLED' },
      },
    ],
  };
  const servicesJson = readJson<{ services: ServiceEntry[] }>(tree, SERVICES_FILE);
  servicesJson.services.push(entry);
  tree.write(SERVICES_FILE, `${prettyJson(servicesJson)}\n`);
  for (const [file, content] of Object.entries(serviceChartFiles(entry)))
    tree.write(`deploy/helm/${name}/${file}`, content);
  // Its container image, as service-images.js writes every service's: from the workspace packages
  // its package.json (written above) needs.
  tree.write(
    `services/${name}/Dockerfile`,
    dockerfile(
      entry,
      workspacePackages(
        (path) => tree.read(path, 'utf-8'),
        (dir) => tree.children(dir),
      ),
    ),
  );

  // The places that list every service.
  const edit = (path: string, change: (text: string) => string) => tree.write(path, change(read(tree, path)));
  edit('eslint.config.mjs', (text) => addEslintScope(text, names));
  edit('scripts/lib/services.sh', (text) => addLocalService(text, names, ports));
  edit('scripts/postgres.sh', (text) => addLocalDatabase(text, names));
  edit('deploy/helm/medgrid/Chart.yaml', (text) => addUmbrellaDependency(text, names));
  edit('deploy/helm/medgrid/values.yaml', (text) => addUmbrellaValues(text, names, topic));
  edit('deploy/helm/medgrid/templates/_helpers.tpl', (text) => addUmbrellaServiceList(text, names));
  const umbrellaSchema = readJson<{ properties: Record<string, unknown> }>(
    tree,
    'deploy/helm/medgrid/values.schema.json',
  );
  addUmbrellaSchema(umbrellaSchema, names);
  tree.write('deploy/helm/medgrid/values.schema.json', `${prettyJson(umbrellaSchema)}\n`);
  edit('libs/contracts/src/index.ts', (text) => addContractsExport(text, names));
  edit('libs/contracts/src/topics.ts', (text) => addTopic(text, topic));
  const e2e = readJson<{ nx?: { implicitDependencies?: string[] } }>(tree, 'tests/e2e/package.json');
  addE2eDependency(e2e, names);
  writeJson(tree, 'tests/e2e/package.json', e2e);
  const lock = readJson<{ packages: Record<string, unknown> }>(tree, 'package-lock.json');
  addWorkspacePackage(
    lock,
    `services/${name}`,
    readJson<{ name: string; version: string }>(tree, `services/${name}/package.json`),
  );
  writeJson(tree, 'package-lock.json', lock);
  const docs = addToReadmes(
    read(tree, 'README.md'),
    read(tree, 'deploy/helm/README.md'),
    names,
    ports,
    services.at(-1)!.name,
  );
  tree.write('README.md', docs.readme);
  tree.write('docs/access-matrix.md', addToAccessMatrix(read(tree, 'docs/access-matrix.md'), names));
  tree.write('deploy/helm/README.md', docs.helmReadme);
  for (const place of docs.skipped) logger.warn(`not documented (add ${name} by hand): ${place}`);

  await formatFiles(tree);

  return () => {
    // The TypeScript of the new proto package (and the descriptor set reflection serves).
    // MEDGRID_ROOT: the scripts work on the checkout it names when it is set, which may be another one.
    if (!options.skipProtoGen)
      execFileSync('bash', ['scripts/proto-gen.sh'], {
        cwd: tree.root,
        stdio: 'inherit',
        env: { ...process.env, MEDGRID_ROOT: tree.root },
      });
    logger.info(
      [
        `${name}: gRPC 127.0.0.1:${ports.grpc}, HTTP 127.0.0.1:${ports.http}, topic ${topic.name}.`,
        `Check it: npx nx run-many -p @medgrid/${name} -t lint typecheck test build && bash scripts/helm-check.sh`,
        `Run it: bash scripts/up.sh (it migrates and starts every service in scripts/lib/services.sh).`,
      ].join('\n'),
    );
  };
}

export default serviceGenerator;
