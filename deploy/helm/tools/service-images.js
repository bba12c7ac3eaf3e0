// The services' container images (services/<service>/Dockerfile), generated. Every image is
// built the same way; what differs is the service's name, its ports and the workspace packages
// it needs, which its package.json already says. So each Dockerfile is written from one template
// (dockerfile() below) and two things:
//
//   - the service's entry in deploy/helm/services.json (name, description, ports);
//   - the npm workspace: the packages the service depends on, transitively, from each
//     package.json (@medgrid/<lib>: "*"); a package's `files` name what it needs at run time
//     beside its package.json (default: dist), e.g. @medgrid/contracts' descriptors.
//
// The build stage is the same in every Dockerfile, the whole workspace built as scripts/test.sh
// builds it, so a builder's layer cache builds it once for all the images; the dependencies and
// runtime stages hold only what the service needs: its packages' built files and their
// production dependencies.
//
//   node deploy/helm/tools/service-images.js           write every services/<service>/Dockerfile
//   node deploy/helm/tools/service-images.js --check   fail when one differs from what would be
//                                                      written (scripts/images.sh lint, helm-check)
//
// CommonJS without dependencies, like service-charts.js beside it: scripts run it with plain
// node, and the Nx service generator (tools/generators) writes a new service's Dockerfile with it.
'use strict';

const { existsSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { readServices } = require('./service-charts.js');

const GENERATOR = 'deploy/helm/tools/service-images.js';

/**
 * The base of every stage: Node 24 on Debian 12, pinned by tag and by the digest its registry
 * served for that tag (docker.io's multi-platform index). Slim rather than distroless because
 * the chart's preStop hook execs `sleep` (medgrid-common), which a distroless image lacks.
 * A build may replace it (--build-arg NODE_IMAGE=...), as scripts/images.sh build does offline.
 */
const NODE_IMAGE =
  'docker.io/library/node:24.21.0-bookworm-slim@sha256:0e0ff40c39bc087845bfb27465a0df4ea419520094bc35842ff83dd8cbe6f9b6';

/** Where the image holds the monorepo: the chart runs its commands from this working directory. */
const WORKDIR = '/medgrid';

/** The base image's `node` user, numeric so the kubelet can verify runAsNonRoot (the charts run UID 1000). */
const USER = '1000:1000';

/**
 * Packages a service serves as built files without importing them: the gateway serves the
 * portal's build from apps/portal/dist (PORTAL_DIST_DIR in services/gateway/src/common/portal-static.ts).
 */
const SERVED = { gateway: ['@medgrid/portal'] };

// ---- the workspace ----------------------------------------------------------------------------
/**
 * The npm workspace's packages by name: folder and package.json. `read(path)` answers a file's
 * text or null, `children(dir)` a folder's entries, so the generator can pass its Tree.
 * @returns {Map<string, { dir: string, manifest: Record<string, any> }>}
 */
function workspacePackages(read, children) {
  const root = JSON.parse(read('package.json') ?? 'null');
  if (!root || !Array.isArray(root.workspaces)) throw new Error('package.json: no "workspaces" list');
  const dirs = root.workspaces.flatMap((glob) =>
    glob.endsWith('/*')
      ? children(glob.slice(0, -2))
          .sort()
          .map((child) => `${glob.slice(0, -2)}/${child}`)
      : [glob],
  );
  const packages = new Map();
  for (const dir of dirs) {
    const text = read(`${dir}/package.json`);
    if (text === null) continue;
    const manifest = JSON.parse(text);
    packages.set(manifest.name, { dir, manifest });
  }
  return packages;
}

function readWorkspace(repo) {
  return workspacePackages(
    (path) => (existsSync(join(repo, path)) ? readFileSync(join(repo, path), 'utf8') : null),
    (dir) =>
      existsSync(join(repo, dir))
        ? readdirSync(join(repo, dir), { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => entry.name)
        : [],
  );
}

/** The workspace packages `names` need, themselves included, following the given dependency kinds. */
function closure(packages, names, kinds) {
  const found = new Set();
  const visit = (name) => {
    if (found.has(name) || !packages.has(name)) return;
    found.add(name);
    for (const kind of kinds)
      for (const dep of Object.keys(packages.get(name).manifest[kind] ?? {})) visit(dep);
  };
  names.forEach(visit);
  return [...found]
    .map((name) => ({ name, ...packages.get(name) }))
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

const ALL_KINDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const RUNTIME_KINDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * What a service's image is made of.
 * @returns {{ project: string, install: object[], devOnly: object[], runtime: object[], served: object[] }}
 */
function imageParts(svc, packages) {
  const project = `@medgrid/${svc.name}`;
  const own = packages.get(project);
  if (!own)
    throw new Error(`${svc.name}: no workspace package ${project} (services/${svc.name}/package.json)`);
  if (own.dir !== `services/${svc.name}`)
    throw new Error(`${project} is in ${own.dir}, not services/${svc.name}`);
  const servedNames = SERVED[svc.name] ?? [];
  for (const name of servedNames)
    if (!packages.has(name)) throw new Error(`${svc.name} serves ${name}: no such package`);
  // Every workspace package the build resolves, dev ones included: a workspace package the
  // context lacks would be looked up on the npm registry under its @medgrid name.
  const install = closure(packages, [project], ALL_KINDS);
  const runtime = closure(packages, [project], RUNTIME_KINDS);
  const served = servedNames.map((name) => ({ name, ...packages.get(name) }));
  const devOnly = install.filter((p) => !runtime.some((r) => r.name === p.name));
  return { project, install, devOnly, runtime, served };
}

/** A package's run-time folders and files, beside its package.json: its `files`, else dist. */
function runtimeFiles(pkg) {
  const files = pkg.manifest.files ?? ['dist'];
  for (const file of files)
    if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(file))
      throw new Error(`${pkg.dir}/package.json: "files" entry ${JSON.stringify(file)} must be a plain path`);
  return files;
}

/** COPY source and target of a folder or file, with a trailing slash on folders. */
const NPM_INSTALL = 'npm install --no-audit --no-fund --no-update-notifier --loglevel=error';

const copyPath = (path, isFile) => (isFile ? path : `${path}/`);
const looksLikeFile = (path) => /\.[a-z]+$/.test(path);

// ---- the template -----------------------------------------------------------------------------
/**
 * The Dockerfile of a service.
 * @param {import('./service-charts').ServiceEntry} svc
 * @param {Map<string, { dir: string, manifest: Record<string, any> }>} packages
 */
function dockerfile(svc, packages) {
  const { install, devOnly, runtime, served } = imageParts(svc, packages);
  const main = `services/${svc.name}/dist/main.js`;
  const manifests = (list) => list.map((p) => `COPY ${p.dir}/package.json ${p.dir}/`);
  const runtimeCopies = [...runtime, ...served].flatMap((pkg) =>
    runtimeFiles(pkg).map((file) => {
      const path = copyPath(`${pkg.dir}/${file}`, looksLikeFile(file));
      return `COPY --from=build ${WORKDIR}/${path} ${path}`;
    }),
  );
  const removed = ['package-lock.json', ...devOnly.flatMap((p) => [p.dir, `node_modules/${p.name}`])];
  return [
    '# syntax=docker/dockerfile:1',
    `# The ${svc.name} service's image. Written by ${GENERATOR} from its template, the`,
    `# service's entry in deploy/helm/services.json and the workspace packages its package.json needs: edit`,
    '# those and run the tool; never edit this file. Build it from the repository root:',
    '#',
    `#   docker build -f services/${svc.name}/Dockerfile -t medgrid/${svc.name}:${svc.appVersion} .`,
    '#',
    `# The chart runs \`node ${main}\` and its migration Job`,
    `# \`node services/${svc.name}/dist/database/migrate.js up\` from ${WORKDIR} as UID 1000 (deploy/helm/README.md,`,
    '# "Container images").',
    '',
    `ARG NODE_IMAGE=${NODE_IMAGE}`,
    '',
    '# ---- build: the whole workspace, built by nx as scripts/test.sh builds it; the same stage in every',
    "# service's Dockerfile, so a builder's layer cache builds it once for all of them",
    'FROM ${NODE_IMAGE} AS build',
    `WORKDIR ${WORKDIR}`,
    'COPY . .',
    '# npm ci refuses the lockfile; npm install honours it (docs/decisions/0002).',
    `RUN ${NPM_INSTALL} \\`,
    '  && node_modules/.bin/nx run-many -t build --outputStyle=static --skipNxCache',
    '',
    '# ---- dependencies: production dependencies only (the dev-only workspace packages resolve, then go)',
    'FROM ${NODE_IMAGE} AS dependencies',
    `WORKDIR ${WORKDIR}`,
    'COPY package.json package-lock.json ./',
    ...manifests(install),
    `RUN ${NPM_INSTALL} --omit=dev \\`,
    `  && rm -r ${removed.join(' ')}`,
    '',
    '# ---- runtime: the monorepo layout the chart runs, built files only, owned by root and read-only to the service',
    'FROM ${NODE_IMAGE}',
    `LABEL org.opencontainers.image.title="medgrid-${svc.name}" \\`,
    `  org.opencontainers.image.description="${svc.description.replace(/["\\]/g, '\\$&')}"`,
    'ENV NODE_ENV=production',
    `WORKDIR ${WORKDIR}`,
    `COPY --from=dependencies ${WORKDIR}/ ./`,
    ...runtimeCopies,
    `USER ${USER}`,
    `EXPOSE ${svc.ports.grpc} ${svc.ports.http}`,
    `CMD ["node", "${main}"]`,
    '',
  ].join('\n');
}

/** Every service's Dockerfile, by path from the repository root. */
function serviceDockerfiles(services, packages) {
  return Object.fromEntries(
    services.map((svc) => [`services/${svc.name}/Dockerfile`, dockerfile(svc, packages)]),
  );
}

/** Writes every service's Dockerfile, or (check) lists what differs from what would be written. */
function syncServiceImages(repo, { check }) {
  const services = readServices(repo);
  const problems = [];
  for (const [rel, content] of Object.entries(serviceDockerfiles(services, readWorkspace(repo)))) {
    const path = join(repo, rel);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    if (check) problems.push(`${rel} is ${current === undefined ? 'missing' : 'stale'}`);
    else writeFileSync(path, content);
  }
  const listed = new Set(services.map((svc) => svc.name));
  for (const entry of readdirSync(join(repo, 'services'), { withFileTypes: true }))
    if (
      entry.isDirectory() &&
      !listed.has(entry.name) &&
      existsSync(join(repo, 'services', entry.name, 'Dockerfile'))
    )
      problems.push(`services/${entry.name}/Dockerfile has no entry in deploy/helm/services.json`);
  return problems;
}

module.exports = {
  NODE_IMAGE,
  USER,
  WORKDIR,
  dockerfile,
  imageParts,
  readWorkspace,
  serviceDockerfiles,
  syncServiceImages,
  workspacePackages,
};

if (require.main === module) {
  const check = process.argv.includes('--check');
  const repo = join(__dirname, '..', '..', '..');
  const problems = syncServiceImages(repo, { check });
  if (problems.length) {
    for (const problem of problems) process.stderr.write(`  ${problem}\n`);
    process.stderr.write(
      check
        ? `the Dockerfiles differ from their template: run \`node ${GENERATOR}\`\n`
        : 'remove the files above: only a service of services.json has a generated Dockerfile\n',
    );
    process.exit(1);
  }
  if (!check) process.stdout.write('service Dockerfiles written\n');
}
