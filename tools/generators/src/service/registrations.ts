import { type ServiceNames } from './names.ts';

/**
 * The edits a new service makes to files every service shares, one function
 * per file, each from the file's text to its new text. Each finds the place
 * the existing services are listed; when the file no longer has that shape it
 * throws naming the file, rather than guessing where the service goes.
 */

export interface Ports {
  readonly grpc: number;
  readonly http: number;
}

export interface Topic {
  /** Key in TOPICS, e.g. labSharing. */
  readonly key: string;
  /** e.g. medgrid.lab-sharing.lab-sharing.v1 */
  readonly name: string;
  readonly partitions: number;
  readonly retentionDays: number;
}

function shapeChanged(file: string, expected: string): Error {
  return new Error(
    `${file} no longer looks as the service generator expects (${expected}); ` +
      'register the service there by hand and update tools/generators/src/service/registrations.ts',
  );
}

/** Inserts `insert` after the last match of `pattern` (which must have the g flag). */
function afterLast(text: string, pattern: RegExp, insert: string, file: string, expected: string): string {
  const matches = [...text.matchAll(pattern)];
  const last = matches.at(-1);
  if (!last) throw shapeChanged(file, expected);
  const at = last.index + last[0].length;
  return text.slice(0, at) + insert + text.slice(at);
}

/** eslint.config.mjs: the service's own scope may import only itself and shared libraries. */
export function addEslintScope(text: string, { name }: ServiceNames): string {
  return afterLast(
    text,
    /^ {2}\{ sourceTag: 'scope:[a-z0-9-]+', onlyDependOnLibsWithTags: \['scope:[a-z0-9-]+', 'scope:shared'\] \},\n/gm,
    `  { sourceTag: 'scope:${name}', onlyDependOnLibsWithTags: ['scope:${name}', 'scope:shared'] },\n`,
    'eslint.config.mjs',
    "a depConstraints line { sourceTag: 'scope:<service>', ... } per service",
  );
}

/** scripts/lib/services.sh: what scripts/up.sh migrates and starts, with its local ports. */
export function addLocalService(text: string, { name }: ServiceNames, ports: Ports): string {
  const pattern = /^MEDGRID_SERVICES=\(((?:"[a-z0-9-]+:\d+:\d+" ?)+)\)$/m;
  const match = pattern.exec(text);
  if (!match) throw shapeChanged('scripts/lib/services.sh', 'MEDGRID_SERVICES=("name:grpc:http" ...)');
  const entries = `${match[1]!.trim()} "${name}:${ports.grpc}:${ports.http}"`;
  return text.replace(pattern, `MEDGRID_SERVICES=(${entries})`);
}

/** The services scripts/lib/services.sh lists, with their ports. */
export function localServices(text: string): { name: string; grpc: number; http: number }[] {
  const match = /^MEDGRID_SERVICES=\(([^)]*)\)$/m.exec(text);
  if (!match) throw shapeChanged('scripts/lib/services.sh', 'MEDGRID_SERVICES=("name:grpc:http" ...)');
  return [...match[1]!.matchAll(/"([a-z0-9-]+):(\d+):(\d+)"/g)].map(([, name, grpc, http]) => ({
    name: name!,
    grpc: Number(grpc),
    http: Number(http),
  }));
}

/** scripts/postgres.sh: the service's local database (already there for a service planned ahead). */
export function addLocalDatabase(text: string, { snakeName }: ServiceNames): string {
  const pattern = /^MEDGRID_PG_DATABASES="([a-z0-9_ ]+)"$/m;
  const match = pattern.exec(text);
  if (!match) throw shapeChanged('scripts/postgres.sh', 'MEDGRID_PG_DATABASES="medgrid_<service> ..."');
  const databases = match[1]!.split(' ').filter(Boolean);
  const database = `medgrid_${snakeName}`;
  if (databases.includes(database)) return text;
  return text.replace(pattern, `MEDGRID_PG_DATABASES="${[...databases, database].join(' ')}"`);
}

/** deploy/helm/medgrid/Chart.yaml: the umbrella depends on the service chart, behind <name>.enabled. */
export function addUmbrellaDependency(text: string, { name }: ServiceNames): string {
  const file = 'deploy/helm/medgrid/Chart.yaml';
  if (!/\ndependencies:\n(?: {2}- name: .*\n(?: {4}\S.*\n)+)+$/.test(text))
    throw shapeChanged(file, 'the dependencies list last');
  return `${text}  - name: ${name}\n    version: 0.1.0\n    repository: file://../${name}\n    condition: ${name}.enabled\n`;
}

/** deploy/helm/medgrid/values.yaml: <name>.enabled, the service's database and its topic. */
export function addUmbrellaValues(text: string, { name, snakeName }: ServiceNames, topic: Topic): string {
  const file = 'deploy/helm/medgrid/values.yaml';
  let out = afterLast(
    text,
    // A service's block is its enabled flag and whatever the umbrella sets below it (the gateway's peers).
    /^[a-z][a-z0-9-]*:\n {2}## @param [a-z][a-z0-9-]*\.enabled Deploy the .*\n {2}enabled: true\n(?: {2}.*\n)*/gm,
    `${name}:\n  ## @param ${name}.enabled Deploy the ${name} service\n  enabled: true\n`,
    file,
    'a "<service>:\\n  ## @param <service>.enabled Deploy the ...\\n  enabled: true" block per service',
  );
  out = afterLast(
    out,
    /^ {4}- name: [a-z_]+\n {6}owner: [a-z_]+\n {6}passwordSecret: medgrid-[a-z0-9-]+-database\n/gm,
    `    - name: ${snakeName}\n      owner: ${snakeName}\n      passwordSecret: medgrid-${name}-database\n`,
    file,
    'postgresql.databases entries (name, owner, passwordSecret)',
  );
  return afterLast(
    out,
    /^ {4}- name: medgrid\.[a-z0-9.-]+\n {6}partitions: \d+\n {6}compacted: (?:true|false)\n {6}retentionDays: \d+\n/gm,
    `    - name: ${topic.name}\n      partitions: ${topic.partitions}\n      compacted: false\n      retentionDays: ${topic.retentionDays}\n`,
    file,
    'kafkaTopics.topics entries (name, partitions, compacted, retentionDays)',
  );
}

/** deploy/helm/medgrid/values.schema.json: the <name> key, typed like the other services'. */
export function addUmbrellaSchema(
  schema: { properties: Record<string, unknown> },
  { name }: ServiceNames,
): void {
  const entries = Object.entries(schema.properties);
  const isService = ([, value]: [string, unknown]) =>
    typeof value === 'object' &&
    value !== null &&
    'description' in value &&
    / service chart's values/.test(String(value.description));
  const last = entries.findLastIndex(isService);
  if (last < 0)
    throw shapeChanged(
      'deploy/helm/medgrid/values.schema.json',
      'a property per service described as "The <service> service chart\'s values ..."',
    );
  const service = {
    type: 'object',
    description: `The ${name} service chart's values (typed by deploy/helm/${name}/values.schema.json)`,
    properties: { enabled: { type: 'boolean', description: `Deploy ${name}` } },
    required: ['enabled'],
  };
  entries.splice(last + 1, 0, [name, service]);
  schema.properties = Object.fromEntries(entries);
}

/** deploy/helm/medgrid/templates/_helpers.tpl: the list the notes and the alerts' selector go through. */
export function addUmbrellaServiceList(text: string, { name }: ServiceNames): string {
  const pattern = /(\{\{- define "medgrid\.services" -\}\}\n)([a-z0-9 -]+)(\n\{\{- end -\}\})/;
  if (!pattern.test(text))
    throw shapeChanged('deploy/helm/medgrid/templates/_helpers.tpl', 'the medgrid.services list');
  return text.replace(
    pattern,
    (_all, open: string, names: string, close: string) => `${open}${names} ${name}${close}`,
  );
}

/** libs/contracts/src/index.ts: the generated proto package, as <name>ServiceV1. */
export function addContractsExport(text: string, names: ServiceNames): string {
  return afterLast(
    text,
    /^export \* as \w+ from '\.\/generated\/medgrid\/[a-z0-9_]+\/v1\/[a-z0-9_]+\.pb';\n/gm,
    `export * as ${names.propertyName}ServiceV1 from './generated/medgrid/${names.snakeName}/v1/${names.snakeName}_service.pb';\n`,
    'libs/contracts/src/index.ts',
    "export * as <x>V1 from './generated/medgrid/...' lines",
  );
}

/** libs/contracts/src/topics.ts: the service's first event stream. */
export function addTopic(text: string, topic: Topic): string {
  const file = 'libs/contracts/src/topics.ts';
  const end = '} as const satisfies Record<string, TopicDefinition>;';
  if (!text.includes(end)) throw shapeChanged(file, `TOPICS closed by "${end}"`);
  if (new RegExp(`^ {2}${topic.key}: defineTopic\\(`, 'm').test(text) || text.includes(`'${topic.name}'`))
    throw new Error(`${file} already has the topic ${topic.key} (${topic.name})`);
  const entry =
    `  ${topic.key}: defineTopic({\n    name: '${topic.name}',\n    partitions: ${topic.partitions},\n` +
    `    compacted: false,\n    retentionDays: ${topic.retentionDays},\n  }),\n`;
  return text.replace(end, `${entry}${end}`);
}

/** tests/e2e/package.json: the end-to-end suites run against the service's build. */
export function addE2eDependency(
  pkg: { nx?: { implicitDependencies?: string[] } },
  { name }: ServiceNames,
): void {
  const list = pkg.nx?.implicitDependencies;
  if (!list) throw shapeChanged('tests/e2e/package.json', 'nx.implicitDependencies');
  list.push(`@medgrid/${name}`);
}

interface Lockfile {
  packages: Record<string, unknown>;
}

/**
 * package-lock.json: the new workspace package, as `npm install` would record
 * it (its folder's entry and the node_modules link, keys in npm's order), so
 * the lockfile stays in step without a network round trip.
 */
export function addWorkspacePackage(
  lock: Lockfile,
  folder: string,
  pkg: { name: string; version: string; dependencies?: object; devDependencies?: object },
): void {
  const { name, version, dependencies, devDependencies } = pkg;
  const packages: Record<string, unknown> = {
    ...lock.packages,
    [folder]: { name, version, dependencies, devDependencies },
    [`node_modules/${name}`]: { resolved: folder, link: true },
  };
  lock.packages = Object.fromEntries(
    Object.keys(packages)
      .sort((a, b) => a.localeCompare(b, 'en'))
      .map((key) => [key, packages[key]]),
  );
}

/**
 * README.md (the ports table) and deploy/helm/README.md (ports and images,
 * secrets, the commands that list every service): documentation, so a table
 * whose shape changed is left as it is and reported, not a reason to fail.
 */
export function addToReadmes(
  readme: string,
  helmReadme: string,
  { name }: ServiceNames,
  ports: Ports,
  lastService: string,
): { readme: string; helmReadme: string; skipped: string[] } {
  const skipped: string[] = [];
  const row = (text: string, file: string, first: string, line: string) => {
    const pattern = new RegExp(`^\\| ${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\|.*\\|\\n`, 'm');
    const match = pattern.exec(text);
    if (!match) {
      skipped.push(`${file}: the table row "${first}"`);
      return text;
    }
    const at = match.index + match[0].length;
    return text.slice(0, at) + line + text.slice(at);
  };
  const out = row(
    readme,
    'README.md',
    lastService,
    `| ${name} | gRPC \`127.0.0.1:${ports.grpc}\`, HTTP \`127.0.0.1:${ports.http}\` |\n`,
  );
  let helm = row(
    helmReadme,
    'deploy/helm/README.md',
    lastService,
    `| ${name} | ${ports.grpc} | ${ports.http} | \`registry.example/medgrid/${name}:<tag>\` |\n`,
  );
  helm = row(
    helm,
    'deploy/helm/README.md',
    `${lastService} database URL`,
    `| ${name} database URL | \`medgrid-${name}-database\` (\`${name}.database.existingSecret\`) | \`DATABASE_URL\` |\n`,
  );
  const lists: [RegExp, string][] = [
    [/(for chart in [a-z0-9 -]+?)( medgrid; do)/, `$1 ${name}$2`],
    [/(for svc in [a-z0-9 -]+?)(; do)/, `$1 ${name}$2`],
    [
      /(--set [a-z0-9-]+\.enabled=false(?: --set [a-z0-9-]+\.enabled=false)*)( \\\n)/,
      `$1 --set ${name}.enabled=false$2`,
    ],
  ];
  for (const [pattern, replacement] of lists) {
    if (pattern.test(helm)) helm = helm.replace(pattern, replacement);
    else skipped.push(`deploy/helm/README.md: ${pattern.source}`);
  }
  return { readme: out, helmReadme: helm, skipped };
}

/**
 * docs/access-matrix.md: a section for the new service with the row of its one RPC, which every verified caller may
 * call and no caller without a valid token (the table must have a row for every RPC of the contracts). Its other
 * RPCs' rows, and its place in the walk's city, come with them.
 */
export function addToAccessMatrix(matrix: string, { name, className, snakeName }: ServiceNames): string {
  const header =
    '| service | RPC | operator | group admin | hospital staff | primary staff | partner system | no token | expired token | other key | audit |';
  const rule = '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |';
  const row = `| ${name} | \`${snakeName}.v1.${className}Service/Describe${className}Service\` | A | A | A | A | A | U | U | U | |`;
  return `${matrix.trimEnd()}\n\n## ${name}\n\n${header}\n${rule}\n${row}\n`;
}
