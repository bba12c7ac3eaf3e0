// The house rules of the services' Dockerfiles, against what the charts run, for scripts/images.sh
// lint (which scripts/helm-check.sh calls with its renders). Run from a folder whose node_modules
// holds the pinned `dockerfile-ast` (the Dockerfile parser of the VS Code Docker language server)
// and `yaml`: images.sh installs them into .cache/image-lint and copies this file there. hadolint
// checks the general practice; these are the rules only this repository knows:
//
//   node image-lint.mjs --repo <root> --renders <dir of helm-check's <service>-defaults.yaml>
//
//   1. multi-stage: a build stage apart from the runtime stage, every COPY --from naming an earlier stage;
//   2. every base image pinned by tag and sha256 digest (ARG defaults resolved), never `latest`, and
//      Node of the major the root package.json's engines field asks for;
//   3. the runtime stage's last USER is the numeric, non-root UID:GID the Deployment and the
//      migration Job run as (securityContext runAsUser/runAsGroup);
//   4. its WORKDIR is absolute and neither pod sets workingDir, so the chart's relative paths
//      resolve there; each script the chart runs (server and migration commands) lies in a
//      folder the runtime stage copies by name (not in a copy of the whole working directory);
//   5. its CMD, in exec form, is the Deployment's command and args (what `docker run` starts is
//      what Kubernetes starts);
//   6. EXPOSE names exactly the Deployment's container ports;
//   7. no secret: no ARG, ENV or LABEL named like one, nothing copied from .cache, .env or a key
//      file, and .dockerignore keeps those (and .git) out of the build context;
//   8. no HEALTHCHECK (Kubernetes ignores it; the chart's probes are the health checks) and no ADD
//      (it fetches URLs and unpacks archives; COPY says what it does).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, posix } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce(
      (pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs),
      [],
    ),
);
const { repo, renders } = args;
if (!repo || !renders) {
  console.error('usage: image-lint.mjs --repo <root> --renders <dir>');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { readServices } = require(join(repo, 'deploy/helm/tools/service-charts.js'));

const errors = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_?KEY/i;
const SECRET_SOURCE = /(^|\/)(\.cache|\.env|secrets)(\/|$)|\.(pem|key|p12|pfx)$/;
const IGNORED = ['.git', '.cache', '**/.env', '**/*.pem'];

/** The Node major the root package.json's engines field asks for (">=24.11.0 <25" → 24). */
const nodeMajor = Number(
  /(\d+)/.exec(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).engines?.node ?? '')?.[1],
);

const line = (instruction) => instruction.getRange().start.line;
const keyword = (instruction) => instruction.getKeyword();

/** The Dockerfile's stages: each FROM with the instructions up to the next. */
function stages(dockerfile) {
  const froms = dockerfile.getFROMs();
  const all = dockerfile.getInstructions();
  return froms.map((from, i) => ({
    from,
    name: from.getBuildStage(),
    instructions: all.filter(
      (ins) => line(ins) > line(from) && (i + 1 === froms.length || line(ins) < line(froms[i + 1])),
    ),
  }));
}

/** A FROM's image with the ARG defaults declared before the first FROM substituted. */
function resolvedImage(dockerfile, from) {
  const defaults = Object.fromEntries(
    dockerfile
      .getInitialARGs()
      .map((arg) => arg.getProperty())
      .filter(Boolean)
      .map((property) => [property.getName(), property.getValue() ?? '']),
  );
  return (from.getImage() ?? '').replace(
    /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
    (_, name) => defaults[name] ?? '',
  );
}

/** The server Deployment and the migration Job of a service's default render. */
function chartWorkloads(name) {
  const file = join(renders, `${name}-defaults.yaml`);
  if (!existsSync(file)) return null;
  const objects = parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => doc.toJS())
    .filter(Boolean);
  const deployment = objects.find((o) => o.kind === 'Deployment');
  const job = objects.find((o) => o.kind === 'Job');
  return { deployment, job };
}

/** The pod's first container with the UID and GID it runs as (container settings win over the pod's). */
function runAs(workload) {
  const pod = workload.spec.template.spec;
  const container = pod.containers[0];
  const uid = container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
  const gid = container.securityContext?.runAsGroup ?? pod.securityContext?.runAsGroup;
  return { container, uid, gid };
}

function checkDockerfile(svc, path, ignored) {
  const where = path;
  const dockerfile = DockerfileParser.parse(readFileSync(join(repo, path), 'utf8'));
  const all = stages(dockerfile);

  // 1. multi-stage
  if (all.length < 2) fail(where, 'one stage only: build apart from the runtime stage (multi-stage)');
  all.forEach((stage, i) => {
    for (const copy of stage.instructions.filter((ins) => keyword(ins) === 'COPY')) {
      const source = copy.getFromFlag()?.getValue();
      if (source && !all.slice(0, i).some((earlier) => earlier.name === source))
        fail(where, `line ${line(copy) + 1}: COPY --from=${source} names no earlier stage`);
    }
  });

  // 2. pinned base images, Node of the engines' major
  for (const stage of all) {
    const image = resolvedImage(dockerfile, stage.from);
    if (all.some((earlier) => earlier.name && earlier.name === image)) continue;
    const ref = DockerfileParser.parse(`FROM ${image}`).getFROMs()[0];
    const tag = ref?.getImageTag();
    const digest = ref?.getImageDigest();
    if (!tag || tag === 'latest' || !/^sha256:[a-f0-9]{64}$/.test(digest ?? ''))
      fail(where, `FROM ${image || stage.from.getImage()}: pin the base image by tag and sha256 digest`);
    else if (/(^|\/)node$/.test(ref.getImageName() ?? '') && Number(/^(\d+)/.exec(tag)?.[1]) !== nodeMajor)
      fail(where, `FROM ${image}: Node ${tag}, but package.json's engines ask for Node ${nodeMajor}`);
  }

  const runtime = all.at(-1);
  if (!runtime) return;
  const last = (kw) => runtime.instructions.filter((ins) => keyword(ins) === kw).at(-1);
  const workloads = chartWorkloads(svc.name);
  if (!workloads?.deployment || !workloads.job) {
    fail(where, `no Deployment and migration Job in ${renders}/${svc.name}-defaults.yaml to hold it to`);
    return;
  }
  const server = runAs(workloads.deployment);
  const migrate = runAs(workloads.job);

  // 3. the user the chart runs as
  const user = last('USER')?.getArgumentsContent() ?? '';
  const [uid, gid] = user.split(':');
  if (!/^\d+$/.test(uid ?? '') || Number(uid) === 0)
    fail(
      where,
      `the runtime stage's USER is "${user}": a numeric non-root UID (the kubelet checks runAsNonRoot)`,
    );
  for (const [what, pod] of [
    ['Deployment', server],
    ['migration Job', migrate],
  ]) {
    if (pod.uid !== undefined && Number(uid) !== pod.uid)
      fail(where, `USER ${user}, but the chart's ${what} runs as UID ${pod.uid}`);
    if (pod.gid !== undefined && gid !== undefined && Number(gid) !== pod.gid)
      fail(where, `USER ${user}, but the chart's ${what} runs as GID ${pod.gid}`);
  }

  // 4. working directory and the scripts the chart runs
  const workdir = last('WORKDIR')?.getArgumentsContent() ?? '';
  if (!isAbsolute(workdir)) fail(where, `the runtime stage's WORKDIR "${workdir}" must be absolute`);
  const copied = runtime.instructions
    .filter((ins) => keyword(ins) === 'COPY')
    .map((copy) => copy.getArguments().at(-1)?.getValue() ?? '')
    .map((target) => posix.normalize(posix.isAbsolute(target) ? target : posix.join(workdir, target)))
    // A copy of the whole working directory (the dependencies stage's manifests and node_modules)
    // names no script: a script must come by a copy of its own folder.
    .filter((target) => target.replace(/\/$/, '') !== posix.normalize(workdir).replace(/\/$/, ''));
  for (const [what, pod] of [
    ['Deployment', server],
    ['migration Job', migrate],
  ]) {
    if (pod.container.workingDir)
      fail(
        where,
        `the chart's ${what} sets workingDir ${pod.container.workingDir}; the image's WORKDIR is ${workdir}`,
      );
    for (const script of (pod.container.command ?? []).filter((arg) => /\.[cm]?js$/.test(arg))) {
      const at = posix.normalize(posix.isAbsolute(script) ? script : posix.join(workdir, script));
      if (!copied.some((target) => at.startsWith(target.endsWith('/') ? target : `${target}/`)))
        fail(
          where,
          `the chart's ${what} runs ${script}, which no COPY of the runtime stage puts in ${workdir}`,
        );
    }
  }

  // 5. CMD is what the Deployment runs
  const cmd = last('CMD');
  let cmdArgs;
  try {
    cmdArgs = JSON.parse(cmd?.getArgumentsContent() ?? '');
  } catch {
    cmdArgs = undefined;
  }
  const chartCommand = [...(server.container.command ?? []), ...(server.container.args ?? [])];
  if (!Array.isArray(cmdArgs)) fail(where, 'the runtime stage needs a CMD in exec (JSON) form');
  else if (JSON.stringify(cmdArgs) !== JSON.stringify(chartCommand))
    fail(
      where,
      `CMD ${JSON.stringify(cmdArgs)}, but the chart's Deployment runs ${JSON.stringify(chartCommand)}`,
    );

  // 6. ports
  const exposed = runtime.instructions
    .filter((ins) => keyword(ins) === 'EXPOSE')
    .flatMap((ins) => ins.getArguments().map((arg) => Number(arg.getValue().split('/')[0])))
    .sort((a, b) => a - b);
  const ports = (server.container.ports ?? []).map((port) => port.containerPort).sort((a, b) => a - b);
  if (JSON.stringify(exposed) !== JSON.stringify(ports))
    fail(where, `EXPOSE ${exposed.join(' ')}, but the Deployment's container ports are ${ports.join(' ')}`);

  // 7. no secret
  for (const ins of dockerfile.getInstructions()) {
    const kw = keyword(ins);
    if (['ARG', 'ENV', 'LABEL'].includes(kw))
      for (const property of ins.getProperties?.() ?? (ins.getProperty ? [ins.getProperty()] : []))
        if (property && SECRET_NAME.test(property.getName()))
          fail(
            where,
            `line ${line(ins) + 1}: ${kw} ${property.getName()} looks like a secret; mount secrets at run time`,
          );
    if (['COPY', 'ADD'].includes(kw) && !ins.getFromFlag?.())
      for (const source of ins
        .getArguments()
        .slice(0, -1)
        .map((arg) => arg.getValue()))
        if (SECRET_SOURCE.test(source))
          fail(where, `line ${line(ins) + 1}: ${kw} ${source} copies a secret into the image`);
  }
  for (const entry of IGNORED)
    if (!ignored.includes(entry)) fail('.dockerignore', `must keep ${entry} out of the build context`);

  // 8. no HEALTHCHECK, no ADD
  for (const ins of dockerfile.getInstructions()) {
    if (keyword(ins) === 'HEALTHCHECK')
      fail(
        where,
        `line ${line(ins) + 1}: HEALTHCHECK: Kubernetes ignores it, the chart's probes check health`,
      );
    if (keyword(ins) === 'ADD')
      fail(where, `line ${line(ins) + 1}: ADD: use COPY (ADD fetches URLs and unpacks archives)`);
  }
}

const services = readServices(repo);
const ignoreFile = join(repo, '.dockerignore');
const ignored = existsSync(ignoreFile)
  ? readFileSync(ignoreFile, 'utf8')
      .split('\n')
      .map((entry) => entry.trim())
      .filter((entry) => entry && !entry.startsWith('#'))
  : [];
for (const svc of services) {
  const path = `services/${svc.name}/Dockerfile`;
  if (!existsSync(join(repo, path)))
    fail(path, 'missing (node deploy/helm/tools/service-images.js writes it)');
  else checkDockerfile(svc, path, ignored);
}

const unique = [...new Set(errors)];
if (unique.length) {
  for (const error of unique) console.error(`  FAIL ${error}`);
  console.error(`${unique.length} problem(s) in the services' Dockerfiles`);
  process.exit(1);
}
console.log(
  `image rules: ${services.length} Dockerfiles multi-stage, base pinned by digest (Node ${nodeMajor}), ` +
    "non-root USER, WORKDIR, CMD, EXPOSE and scripts as the charts' Deployments and migration Jobs run them, no secret, no HEALTHCHECK",
);
