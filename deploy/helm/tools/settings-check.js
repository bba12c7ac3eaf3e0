// Proves that each service's own settings (deploy/helm/services.json `values`) reach its pods:
// scripts/helm-check.sh renders the umbrella with a valid sample of every setting of every service
// (service-charts.js settingSamples) and this script finds each variable, with the expected text,
// in the service's Deployment; in the render with the defaults, a setting left empty must be absent, unless the
// umbrella's own values set it (the gateway's peers, named by the release: a template, rendered as `medgrid`).
//
//   node deploy/helm/tools/settings-check.js values <file>      write the umbrella values with the samples
//   node deploy/helm/tools/settings-check.js samples <render>   every sample reached its Deployment
//   node deploy/helm/tools/settings-check.js defaults <render>  only settings with a chart default are set
'use strict';

const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { parse: parseYaml } = require('yaml');
const { readServices, sampleValues, settingSamples } = require('./service-charts.js');

const repo = join(__dirname, '..', '..', '..');
const services = readServices(repo);
/** The release scripts/helm-check.sh renders the umbrella as. */
const RELEASE = 'medgrid';
const umbrellaValues = parseYaml(
  readFileSync(join(repo, 'deploy', 'helm', 'medgrid', 'values.yaml'), 'utf8'),
);

/** What the umbrella itself sets a service's setting to, rendered for RELEASE; undefined when it leaves it. */
function umbrellaSetting(service, path) {
  let value = umbrellaValues[service];
  for (const key of path.split('.'))
    value = value === null || typeof value !== 'object' ? undefined : value[key];
  return typeof value === 'string' ? value.replaceAll('{{ .Release.Name }}', RELEASE) : undefined;
}

/** The server container's variables of each service's Deployment in a `helm template` output. */
function deploymentEnv(render) {
  const env = new Map();
  for (const doc of render.split(/^---$/m)) {
    const source = /^# Source: (?:medgrid\/charts\/)?([a-z0-9-]+)\/templates\/deployment\.yaml$/m.exec(doc);
    if (!source) continue;
    const vars = new Map();
    for (const m of doc.matchAll(/^\s+- name: ([A-Z0-9_]+)\n\s+value: (".*")$/gm))
      vars.set(m[1], JSON.parse(m[2]));
    env.set(source[1], vars);
  }
  return env;
}

function main([mode, file]) {
  if (mode === 'values') {
    writeFileSync(
      file,
      `${JSON.stringify(Object.fromEntries(services.map((s) => [s.name, sampleValues(s)])), null, 2)}\n`,
    );
    return [];
  }
  const env = deploymentEnv(readFileSync(file, 'utf8'));
  const problems = [];
  let checked = 0;
  for (const svc of services) {
    const vars = env.get(svc.name);
    if (!vars) {
      problems.push(`${svc.name}: no Deployment in ${file}`);
      continue;
    }
    for (const own of svc.values ?? []) {
      const expected =
        mode === 'samples'
          ? settingSamples(svc).find((s) => s.env === own.env).text
          : umbrellaSetting(svc.name, own.path) !== undefined
            ? umbrellaSetting(svc.name, own.path)
            : own.default === null ||
                own.default === '' ||
                (typeof own.default === 'object' && !Object.keys(own.default).length)
              ? undefined
              : String(own.default);
      checked++;
      if (vars.get(own.env) !== expected)
        problems.push(
          `${svc.name}: ${own.path} should reach the pod as ${own.env}=${JSON.stringify(expected)}, found ${JSON.stringify(vars.get(own.env))}`,
        );
    }
  }
  if (!problems.length) process.stdout.write(`${checked} settings of ${services.length} services\n`);
  return problems;
}

if (require.main === module) {
  if (!['values', 'samples', 'defaults'].includes(process.argv[2]) || !process.argv[3]) {
    process.stderr.write('usage: settings-check.js values|samples|defaults <file>\n');
    process.exit(2);
  }
  const problems = main(process.argv.slice(2));
  for (const problem of problems) process.stderr.write(`  ${problem}\n`);
  if (problems.length) process.exit(1);
}
