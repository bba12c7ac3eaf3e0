// Validates what `helm template` rendered, and the charts' values files, for
// scripts/helm-check.sh. Run from a folder whose node_modules holds the pinned
// `yaml`, `kubernetes-models` and `@kubernetes-models/prometheus-operator`
// (the check script installs them into .cache/helm-validate and copies this
// file there), so it needs no change to the workspace's package.json.
//
//   node validate-manifests.mjs --repo <root> --renders <dir> [--rules-out <file>]
//        [--render-values <render>=<values file>,...]   (the values file each umbrella render used)
//
// Checks, each failure printed with the render and object it concerns:
//   1. every rendered document parses, has apiVersion/kind/metadata.name, no duplicates;
//   2. core and Prometheus Operator objects validate against the Kubernetes
//      OpenAPI schemas bundled in kubernetes-models (types, enums, required
//      fields; not unknown fields); Strimzi and CloudNativePG objects against
//      the fields the charts rely on;
//   3. house rules: non-root, read-only root filesystem,
//      dropped capabilities, RuntimeDefault seccomp, /tmp emptyDir, requests
//      and limits, DATABASE_URL only from a Secret, the migration Job is a
//      pre-install/pre-upgrade hook, Services and PDBs select server pods only,
//      ServiceMonitors label targets service=<name> and part_of="medgrid";
//   4. every PromQL expression (alerts, dashboard panels and variables) names
//      only metrics the services declare in code, plus `up`;
//   5. the rendered KafkaTopics equal libs/contracts/src/topics.ts (+ .dlt);
//   6. every value in each chart's values.yaml has an `@param` line and a
//      place in values.schema.json. (The service charts cannot disagree: the
//      check script has verified that service-charts.js wrote them all from
//      deploy/helm/services.json.)
//   7. the umbrella deploys every service chart of deploy/helm/services.json
//      and no other: dependency, `<service>.enabled` (value and schema), a
//      CloudNativePG database, a Deployment in its default render, the list
//      medgrid.services in _helpers.tpl;
//   8. the NetworkPolicies let through exactly the connections the values and
//      the code call for (network-policy-check.mjs, copied beside this file).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { parseAllDocuments, parse as parseYaml, stringify } from 'yaml';
import { checkNetworkPolicies } from './network-policy-check.mjs';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce(
      (pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs),
      [],
    ),
);
const repo = args.repo;
const rendersDir = args.renders;
if (!repo || !rendersDir) {
  console.error('usage: validate-manifests.mjs --repo <root> --renders <dir> [--rules-out <file>]');
  process.exit(2);
}
const helmDir = join(repo, 'deploy/helm');
/** The service charts, as deploy/helm/services.json lists them. */
const SERVICES = JSON.parse(readFileSync(join(helmDir, 'services.json'), 'utf8')).services.map((s) => s.name);

const errors = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);
const stats = { renders: 0, objects: 0, kubeValidated: 0, crChecked: 0, promql: 0, topics: 0, values: 0 };

// ---- 1. parse ---------------------------------------------------------------
/** @returns {Map<string, object[]>} render name -> objects */
function loadRenders() {
  const renders = new Map();
  for (const file of readdirSync(rendersDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const name = file.replace(/\.yaml$/, '');
    const objects = [];
    const seen = new Set();
    for (const doc of parseAllDocuments(readFileSync(join(rendersDir, file), 'utf8'))) {
      for (const problem of [...doc.errors, ...doc.warnings]) fail(name, `YAML: ${problem.message}`);
      const obj = doc.toJS();
      if (obj === null || obj === undefined) continue;
      const id = `${obj.kind}/${obj.metadata?.name}`;
      if (!obj.apiVersion || !obj.kind || !obj.metadata?.name) {
        fail(name, `document without apiVersion/kind/metadata.name: ${JSON.stringify(obj).slice(0, 120)}`);
        continue;
      }
      const key = `${id}@${obj.metadata.namespace ?? ''}`;
      if (seen.has(key)) fail(name, `${id} rendered twice`);
      seen.add(key);
      objects.push(obj);
    }
    renders.set(name, objects);
    stats.renders += 1;
    stats.objects += objects.length;
  }
  return renders;
}

// ---- 2. schemas -------------------------------------------------------------
const KUBE_MODELS = {
  'v1/Service': 'kubernetes-models/v1/Service',
  'v1/ServiceAccount': 'kubernetes-models/v1/ServiceAccount',
  'v1/ConfigMap': 'kubernetes-models/v1/ConfigMap',
  'apps/v1/Deployment': 'kubernetes-models/apps/v1/Deployment',
  'batch/v1/Job': 'kubernetes-models/batch/v1/Job',
  'networking.k8s.io/v1/NetworkPolicy': 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
  'policy/v1/PodDisruptionBudget': 'kubernetes-models/policy/v1/PodDisruptionBudget',
  'autoscaling/v2/HorizontalPodAutoscaler': 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
  'monitoring.coreos.com/v1/ServiceMonitor':
    '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor',
  'monitoring.coreos.com/v1/PrometheusRule':
    '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule',
};

const isInt = (v) => Number.isInteger(v);
const isStr = (v) => typeof v === 'string' && v.length > 0;
/** The fields of the operators' custom resources the charts rely on (their CRDs are not available offline). */
const CUSTOM_CHECKS = {
  'kafka.strimzi.io/v1/Kafka': (o, at) => {
    const listeners = o.spec?.kafka?.listeners;
    if (!Array.isArray(listeners) || !listeners.length) at('spec.kafka.listeners must be a non-empty list');
    for (const l of listeners ?? []) {
      if (!/^[a-z0-9]{1,11}$/.test(l.name ?? ''))
        at(`listener name "${l.name}" must be 1-11 lower-case letters/digits`);
      if (!isInt(l.port) || l.port < 9092) at(`listener ${l.name}: port must be an integer >= 9092`);
      if (!['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'].includes(l.type))
        at(`listener ${l.name}: unknown type ${l.type}`);
      if (typeof l.tls !== 'boolean') at(`listener ${l.name}: tls must be a boolean`);
    }
    if (o.spec?.zookeeper) at('spec.zookeeper does not exist in the v1 API (KRaft only)');
    if (o.spec?.kafka?.replicas !== undefined || o.spec?.kafka?.storage !== undefined)
      at('replicas and storage belong to the KafkaNodePool');
  },
  'kafka.strimzi.io/v1/KafkaNodePool': (o, at) => {
    if (!isStr(o.metadata.labels?.['strimzi.io/cluster'])) at('label strimzi.io/cluster is required');
    if (!isInt(o.spec?.replicas) || o.spec.replicas < 1) at('spec.replicas must be a positive integer');
    const roles = o.spec?.roles ?? [];
    if (!roles.length || roles.some((r) => !['controller', 'broker'].includes(r)))
      at('spec.roles must list controller and/or broker');
    const storage = o.spec?.storage;
    if (storage?.type !== 'jbod' || !Array.isArray(storage.volumes) || !storage.volumes.length)
      at('spec.storage must be jbod with volumes');
    for (const v of storage?.volumes ?? []) {
      if (!isInt(v.id)) at('every jbod volume needs an integer id');
      if (!['persistent-claim', 'ephemeral'].includes(v.type)) at(`volume ${v.id}: unknown type ${v.type}`);
      if (v.type === 'persistent-claim' && !/^[0-9]+(Ki|Mi|Gi|Ti)$/.test(v.size ?? ''))
        at(`volume ${v.id}: size must be a quantity`);
    }
    if ((storage?.volumes ?? []).filter((v) => v.kraftMetadata === 'shared').length !== 1)
      at('exactly one volume must hold the KRaft metadata (kraftMetadata: shared)');
  },
  'kafka.strimzi.io/v1/KafkaTopic': (o, at) => {
    if (!isStr(o.metadata.labels?.['strimzi.io/cluster'])) at('label strimzi.io/cluster is required');
    if (!isStr(o.spec?.topicName)) at('spec.topicName is required (the resource name cannot hold the dots)');
    if (!isInt(o.spec?.partitions) || o.spec.partitions < 1) at('spec.partitions must be a positive integer');
    if (o.spec?.replicas !== undefined && (!isInt(o.spec.replicas) || o.spec.replicas < 1))
      at('spec.replicas must be a positive integer when set');
    if (!['delete', 'compact'].includes(o.spec?.config?.['cleanup.policy']))
      at('config cleanup.policy must be set');
  },
  'postgresql.cnpg.io/v1/Cluster': (o, at) => {
    if (!isInt(o.spec?.instances) || o.spec.instances < 1) at('spec.instances must be a positive integer');
    if (!/^[0-9]+(Ki|Mi|Gi|Ti)$/.test(o.spec?.storage?.size ?? ''))
      at('spec.storage.size must be a quantity');
    for (const role of o.spec?.managed?.roles ?? []) {
      if (!isStr(role.name)) at('every managed role needs a name');
      if (!['present', 'absent'].includes(role.ensure))
        at(`role ${role.name}: ensure must be present or absent`);
      if (role.passwordSecret && !isStr(role.passwordSecret.name))
        at(`role ${role.name}: passwordSecret.name`);
    }
    if (!Array.isArray(o.spec?.managed?.roles) || !o.spec.managed.roles.length)
      at('spec.managed.roles is expected (one login role per service)');
  },
  'postgresql.cnpg.io/v1/Database': (o, at) => {
    for (const field of ['name', 'owner']) if (!isStr(o.spec?.[field])) at(`spec.${field} is required`);
    if (['postgres', 'template0', 'template1'].includes(o.spec?.name))
      at(`database name ${o.spec.name} is reserved`);
    if (!isStr(o.spec?.cluster?.name)) at('spec.cluster.name is required');
    if (!['present', 'absent'].includes(o.spec?.ensure ?? 'present'))
      at('spec.ensure must be present or absent');
    if (!['retain', 'delete'].includes(o.spec?.databaseReclaimPolicy ?? 'retain'))
      at('spec.databaseReclaimPolicy must be retain or delete');
  },
};

async function validateSchemas(renders) {
  const models = new Map();
  for (const [key, specifier] of Object.entries(KUBE_MODELS)) {
    const kind = key.split('/').pop();
    models.set(key, (await import(specifier))[kind]);
  }
  for (const [render, objects] of renders) {
    for (const o of objects) {
      const key = `${o.apiVersion}/${o.kind}`;
      const where = `${render} ${o.kind}/${o.metadata.name}`;
      const Model = models.get(key);
      if (Model) {
        try {
          new Model(o).validate();
          stats.kubeValidated += 1;
        } catch (error) {
          fail(where, `schema: ${error.message}`);
        }
      } else if (CUSTOM_CHECKS[key]) {
        CUSTOM_CHECKS[key](o, (message) => fail(where, message));
        stats.crChecked += 1;
      } else {
        fail(where, `no validator for ${key}: add it to validate-manifests.mjs`);
      }
    }
  }
}

// ---- 3. house rules -----------------------------------------------------------
function checkPodSpec(where, podSpec, { server }) {
  const pod = podSpec.securityContext ?? {};
  if (podSpec.automountServiceAccountToken !== false)
    fail(where, 'automountServiceAccountToken must be false');
  for (const c of podSpec.containers ?? []) {
    const at = `${where} container ${c.name}`;
    const sc = c.securityContext ?? {};
    if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) fail(at, 'runAsNonRoot must be true');
    if (!((sc.runAsUser ?? pod.runAsUser) > 0)) fail(at, 'runAsUser must be a non-zero UID');
    if (sc.readOnlyRootFilesystem !== true) fail(at, 'readOnlyRootFilesystem must be true');
    if (sc.allowPrivilegeEscalation !== false) fail(at, 'allowPrivilegeEscalation must be false');
    if (sc.privileged === true) fail(at, 'must not be privileged');
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) fail(at, 'capabilities.drop must include ALL');
    if ((sc.seccompProfile ?? pod.seccompProfile)?.type !== 'RuntimeDefault')
      fail(at, 'seccompProfile must be RuntimeDefault');
    for (const r of ['requests', 'limits'])
      if (!c.resources?.[r]?.memory) fail(at, `resources.${r}.memory must be set`);
    if (!c.resources?.requests?.cpu) fail(at, 'resources.requests.cpu must be set');
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
    const tmpVolume = (podSpec.volumes ?? []).find((v) => v.name === tmp?.name);
    if (!tmpVolume?.emptyDir) fail(at, '/tmp must be an emptyDir mount (the root filesystem is read-only)');
    const env = c.env ?? [];
    const dbUrl = env.find((e) => e.name === 'DATABASE_URL');
    if (!dbUrl?.valueFrom?.secretKeyRef?.name) fail(at, 'DATABASE_URL must come from a secretKeyRef');
    for (const e of env)
      if (typeof e.value === 'string' && /postgres(ql)?:\/\/[^/\s]*:[^@/\s]+@/.test(e.value))
        fail(at, `${e.name} holds a plaintext database password`);
    if (server) {
      const names = new Set(env.map((e) => e.name));
      for (const required of [
        'NODE_ENV',
        'GRPC_HOST',
        'GRPC_PORT',
        'HTTP_HOST',
        'HTTP_PORT',
        'DATABASE_POOL_SIZE',
        'KAFKA_BROKERS',
        'OUTBOX_POLL_INTERVAL_MS',
        'OUTBOX_BATCH_SIZE',
        'CONSUMER_MAX_ATTEMPTS',
        'CONSUMER_PARTITIONS_CONCURRENTLY',
        'CONSUMER_BATCH_SIZE',
        'AUTH_PUBLIC_KEY_FILE',
        'AUTH_ISSUER',
        'AUTH_AUDIENCE',
        'LOG_LEVEL',
        'OTEL_TRACES_EXPORTER',
      ])
        if (!names.has(required)) fail(at, `env ${required} is missing`);
      const keyFile = env.find((e) => e.name === 'AUTH_PUBLIC_KEY_FILE')?.value ?? '';
      if (!(c.volumeMounts ?? []).some((m) => keyFile.startsWith(`${m.mountPath}/`) && m.readOnly))
        fail(at, `AUTH_PUBLIC_KEY_FILE ${keyFile} is not on a read-only mount`);
      if (!c.readinessProbe) fail(at, 'readinessProbe is required');
      if (!c.livenessProbe) fail(at, 'livenessProbe is required');
      if (c.readinessProbe?.httpGet && c.readinessProbe.httpGet.path !== '/health/ready')
        fail(at, 'the HTTP readiness probe must use /health/ready');
      if (c.livenessProbe?.httpGet && c.livenessProbe.httpGet.path !== '/health/live')
        fail(at, 'the HTTP liveness probe must use /health/live');
    }
  }
}

function checkHouseRules(renders) {
  for (const [render, objects] of renders) {
    for (const o of objects) {
      const where = `${render} ${o.kind}/${o.metadata.name}`;
      const labels = o.metadata.labels ?? {};
      if (o.kind === 'Deployment') {
        checkPodSpec(where, o.spec.template.spec, { server: true });
        if (o.spec.selector.matchLabels['app.kubernetes.io/component'] !== 'server')
          fail(where, 'the selector must include app.kubernetes.io/component=server');
        if (!(o.spec.template.spec.terminationGracePeriodSeconds >= 10))
          fail(where, 'terminationGracePeriodSeconds must leave time to drain (>= 10)');
      } else if (o.kind === 'Job') {
        checkPodSpec(where, o.spec.template.spec, { server: false });
        const a = o.metadata.annotations ?? {};
        if (a['helm.sh/hook'] !== 'pre-install,pre-upgrade')
          fail(where, 'the migration Job must be a pre-install,pre-upgrade hook');
        if (a['helm.sh/hook-delete-policy'] !== 'before-hook-creation,hook-succeeded')
          fail(where, 'hook-delete-policy must be before-hook-creation,hook-succeeded');
        if (labels['app.kubernetes.io/component'] !== 'migrations')
          fail(where, 'component label must be migrations');
        if (o.spec.template.spec.restartPolicy !== 'Never') fail(where, 'restartPolicy must be Never');
        if (!(o.spec.activeDeadlineSeconds > 0)) fail(where, 'activeDeadlineSeconds must bound the Job');
      } else if (o.kind === 'Service' || o.kind === 'PodDisruptionBudget') {
        const selector = o.kind === 'Service' ? o.spec.selector : o.spec.selector?.matchLabels;
        if (selector?.['app.kubernetes.io/component'] !== 'server')
          fail(where, 'must select server pods only (component=server), never migration pods');
      } else if (o.kind === 'ServiceMonitor') {
        const endpoint = o.spec.endpoints?.[0] ?? {};
        if (endpoint.port !== 'http' || endpoint.path !== '/metrics')
          fail(where, 'must scrape /metrics on the http port');
        if (!(endpoint.relabelings ?? []).some((r) => r.targetLabel === 'service'))
          fail(where, 'must label targets with service=<name>');
        if (
          !(endpoint.relabelings ?? []).some(
            (r) => r.targetLabel === 'part_of' && r.replacement === 'medgrid',
          )
        )
          fail(where, 'must label targets with part_of="medgrid" (MedGridServiceDown selects `up` by it)');
      }
      if (['Kafka', 'KafkaNodePool', 'KafkaTopic', 'Cluster'].includes(o.kind)) {
        // Deleting these deletes data: by default Helm must leave them behind on uninstall.
        if (render.includes('all-features') && o.metadata.annotations?.['helm.sh/resource-policy'] !== 'keep')
          fail(where, 'helm.sh/resource-policy: keep is expected by default');
      }
    }
  }
}

// ---- 4. PromQL metric names -------------------------------------------------
/** Metrics the alerts and dashboard may use: every one declared in libs/ or services/, plus `up`. */
function allowedMetrics() {
  const declared = new Map(); // name -> counter|histogram|gauge
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'generated'].includes(entry.name)) walk(path);
      } else if (/\.ts$/.test(entry.name) && !/\.(int-)?spec\.ts$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(
          /\b(counter|histogram|gauge|scrapedGauge)(?:<[^>]*>)?\(\s*'([a-zA-Z_:][a-zA-Z0-9_:]*)'/g,
        ))
          declared.set(m[2], m[1] === 'scrapedGauge' ? 'gauge' : m[1]);
        // A metric rendered by its own code at scrape time (CallMetrics of @medgrid/grpc): { type: '...', name: '...' }.
        for (const m of text.matchAll(
          /\btype:\s*'(counter|histogram|gauge)',\s*name:\s*'([a-zA-Z_:][a-zA-Z0-9_:]*)'/g,
        ))
          declared.set(m[2], m[1]);
      }
    }
  };
  walk(join(repo, 'libs'));
  walk(join(repo, 'services'));
  // The metrics the platform's own alerts and dashboard are built on: RPC rate, errors and
  // duration, the outbox backlog and the events consumed.
  const used = {
    medgrid_grpc_server_handled_total: 'counter',
    medgrid_grpc_server_handling_seconds: 'histogram',
    medgrid_outbox_pending: 'gauge',
    medgrid_events_consumed_total: 'counter',
  };
  const allowed = new Set(['up', ...promClientDefaultMetrics(), ...recordedSeries()]);
  // The platform's own metrics: every one of them must be watched by an alert.
  const required = new Set();
  for (const [name, type] of Object.entries(used)) {
    if (declared.get(name) !== type)
      fail(
        'metrics',
        `${name} is not declared as a ${type} in libs/ or services/ (found: ${declared.get(name)})`,
      );
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) required.add(name + suffix);
    else required.add(name);
  }
  // Any metric the code declares may be charted: services add their business indicators.
  for (const [name, type] of declared) {
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) allowed.add(name + suffix);
    else allowed.add(name);
  }
  return { allowed, required };
}

/**
 * The Node runtime metrics prom-client's collectDefaultMetrics exports (event-loop delay, heap, resident memory ...),
 * asked of the repository's own prom-client, so the list follows the version the services run.
 */
function promClientDefaultMetrics() {
  const { Registry, collectDefaultMetrics } = createRequire(join(repo, 'package.json'))('prom-client');
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry
    .getMetricsAsArray()
    .flatMap((metric) =>
      metric.constructor.name === 'Histogram'
        ? ['_bucket', '_sum', '_count'].map((suffix) => metric.name + suffix)
        : [metric.name],
    );
}

/** The series the rules file records (`record:`), which alerts and panels may read like any metric. */
function recordedSeries() {
  const rules = parseYaml(
    readFileSync(join(repo, 'deploy/helm/medgrid/files/prometheus/medgrid.rules.yaml'), 'utf8'),
  );
  return (rules.groups ?? []).flatMap((group) =>
    group.rules.filter((rule) => rule.record).map((rule) => rule.record),
  );
}

const PROMQL_WORDS = new Set([
  ...[
    'sum',
    'min',
    'max',
    'avg',
    'group',
    'stddev',
    'stdvar',
    'count',
    'count_values',
    'bottomk',
    'topk',
    'quantile',
  ],
  ...[
    'by',
    'without',
    'on',
    'ignoring',
    'group_left',
    'group_right',
    'bool',
    'and',
    'or',
    'unless',
    'offset',
    'atan2',
  ],
  ...['inf', 'nan', 'Inf', 'NaN'],
]);

/** Metric names in a PromQL expression (strings, label matchers, ranges, groupings and functions removed). */
function metricNames(expr) {
  let e = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, ' ');
  e = e.replace(/[a-zA-Z_:][a-zA-Z0-9_:]*\s*\(/g, '('); // function calls and aggregations
  return [...e.matchAll(/(?<![0-9.])\b[a-zA-Z_:][a-zA-Z0-9_:]*/g)]
    .map((m) => m[0])
    .filter((word) => !PROMQL_WORDS.has(word) && !/^[0-9]/.test(word));
}

function checkExpr(where, expr, allowed, usedSet) {
  stats.promql += 1;
  const names = metricNames(expr);
  if (!names.length) fail(where, `no metric in expression: ${expr}`);
  for (const name of names) {
    usedSet.add(name);
    if (!allowed.has(name))
      fail(where, `metric ${name} is not one the services export (allowed: ${[...allowed].join(', ')})`);
  }
}

function checkPromQL(renders, rulesOut) {
  const { allowed, required } = allowedMetrics();
  let sawRules = false;
  let sawDashboard = false;
  for (const [render, objects] of renders) {
    // Only what the alerts use counts for "every platform metric has an alert": the dashboard's
    // queries go to a set of their own.
    const usedByAlerts = new Set();
    const usedByDashboards = new Set();
    for (const o of objects) {
      if (o.kind === 'PrometheusRule') {
        sawRules = true;
        for (const group of o.spec.groups)
          for (const rule of group.rules) {
            checkExpr(`${render} rule ${rule.alert ?? rule.record}`, rule.expr, allowed, usedByAlerts);
            // The rules file links each runbook by its path in the repository; the all-features values set
            // metrics.prometheusRule.runbookBaseUrl, so there every such link must have become a URL.
            const runbook = rule.annotations?.runbook_url;
            if (render.includes('all-features') && runbook !== undefined && !/^https?:\/\//.test(runbook))
              fail(
                `${render} rule ${rule.alert}`,
                `runbook_url ${runbook} did not get runbookBaseUrl in front`,
              );
          }
        if (rulesOut) writeFileSync(rulesOut, stringify(o.spec));
        for (const name of required)
          if (!name.endsWith('_sum') && !name.endsWith('_count') && !usedByAlerts.has(name))
            fail(`${render} PrometheusRule`, `no alert uses ${name}`);
      }
      if (o.kind === 'ConfigMap' && o.metadata.labels?.grafana_dashboard !== undefined) {
        sawDashboard = true;
        for (const [file, text] of Object.entries(o.data ?? {})) {
          const where = `${render} dashboard ${file}`;
          let dashboard;
          try {
            dashboard = JSON.parse(text);
          } catch (error) {
            fail(where, `invalid JSON: ${error.message}`);
            continue;
          }
          const ids = new Set();
          const panels = (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
          for (const panel of panels) {
            if (ids.has(panel.id)) fail(where, `panel id ${panel.id} is used twice`);
            ids.add(panel.id);
            for (const target of panel.targets ?? [])
              checkExpr(`${where} panel "${panel.title}"`, target.expr ?? '', allowed, usedByDashboards);
          }
          for (const variable of dashboard.templating?.list ?? []) {
            if (variable.type !== 'query') continue;
            const query = typeof variable.query === 'string' ? variable.query : variable.query?.query;
            const inner = /^label_values\((.*),\s*[a-zA-Z_]+\)$/.exec(query ?? '')?.[1] ?? query;
            checkExpr(`${where} variable ${variable.name}`, inner ?? '', allowed, usedByDashboards);
          }
          if (!dashboard.uid || !dashboard.title) fail(where, 'uid and title are required');
        }
      }
    }
  }
  if (!sawRules) fail('renders', 'no PrometheusRule rendered (the all-features render should have one)');
  if (!sawDashboard) fail('renders', 'no Grafana dashboard ConfigMap rendered');
}

// ---- 5. topics ----------------------------------------------------------------
function contractTopics() {
  const text = readFileSync(join(repo, 'libs/contracts/src/topics.ts'), 'utf8');
  const topics = [];
  for (const m of text.matchAll(/defineTopic\(\{([^}]*)\}\)/g)) {
    const field = (name) => new RegExp(`${name}:\\s*([^,\\n]+)`).exec(m[1])?.[1].trim();
    topics.push({
      name: field('name')?.replace(/^'|'$/g, ''),
      partitions: Number(field('partitions')),
      compacted: field('compacted') === 'true',
      retentionDays: Number(field('retentionDays')),
    });
  }
  if (!topics.length) fail('topics', 'no defineTopic(...) found in libs/contracts/src/topics.ts');
  return topics;
}

function checkTopics(renders) {
  const DAY_MS = 24 * 60 * 60 * 1000;
  const expected = new Map();
  for (const t of contractTopics()) {
    expected.set(t.name, {
      partitions: t.partitions,
      policy: t.compacted ? 'compact' : 'delete',
      retentionMs: t.compacted ? undefined : t.retentionDays * DAY_MS,
    });
    expected.set(`${t.name}.dlt`, { partitions: 1, policy: 'delete', retentionMs: 30 * DAY_MS });
  }
  let checked = false;
  for (const [render, objects] of renders) {
    const topics = objects.filter((o) => o.kind === 'KafkaTopic');
    if (!topics.length) continue;
    checked = true;
    const rendered = new Map(topics.map((o) => [o.spec.topicName, o.spec]));
    for (const [name, want] of expected) {
      const got = rendered.get(name);
      const where = `${render} topic ${name}`;
      if (!got) {
        fail(where, 'is in libs/contracts/src/topics.ts but not rendered');
        continue;
      }
      stats.topics += 1;
      if (got.partitions !== want.partitions)
        fail(where, `partitions ${got.partitions}, contract says ${want.partitions}`);
      if (got.config?.['cleanup.policy'] !== want.policy)
        fail(where, `cleanup.policy ${got.config?.['cleanup.policy']}, contract says ${want.policy}`);
      if (want.retentionMs !== undefined && Number(got.config?.['retention.ms']) !== want.retentionMs)
        fail(where, `retention.ms ${got.config?.['retention.ms']}, contract says ${want.retentionMs}`);
    }
    for (const name of rendered.keys())
      if (!expected.has(name))
        fail(`${render} topic ${name}`, 'is rendered but not in libs/contracts/src/topics.ts');
  }
  if (!checked) fail('renders', 'no KafkaTopic rendered (the all-features render should have them)');
}

// ---- 6. values documentation and schemas ------------------------------------
function checkValuesDocs(chart) {
  const dir = join(helmDir, chart);
  const text = readFileSync(join(dir, 'values.yaml'), 'utf8');
  const values = parseYaml(text);
  const schema = JSON.parse(readFileSync(join(dir, 'values.schema.json'), 'utf8'));
  const documented = new Set([...text.matchAll(/^\s*## @param (\S+)/gm)].map((m) => m[1]));
  const where = `${chart}/values.yaml`;
  const schemaAt = (path) =>
    path.split('.').reduce((node, key) => node?.properties?.[key] ?? undefined, schema) !== undefined;
  const walk = (node, path) => {
    if (path && documented.has(path)) {
      stats.values += 1;
      if (!schemaAt(path)) fail(where, `${path} has no entry in values.schema.json`);
      return;
    }
    if (node && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length) {
      for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key);
    } else {
      fail(where, `${path} has no "## @param ${path} <description>" line`);
    }
  };
  walk(values, '');
  const has = (path) => {
    let node = values;
    for (const key of path.split('.')) {
      if (!node || typeof node !== 'object' || !(key in node)) return false;
      node = node[key];
    }
    return true;
  };
  for (const path of documented)
    if (!has(path)) fail(where, `@param ${path} documents a value that does not exist`);
}

// ---- 7. the umbrella and the service charts ---------------------------------------
function checkUmbrella(renders) {
  const dir = join(helmDir, 'medgrid');
  const chart = parseYaml(readFileSync(join(dir, 'Chart.yaml'), 'utf8'));
  const values = parseYaml(readFileSync(join(dir, 'values.yaml'), 'utf8'));
  const schema = JSON.parse(readFileSync(join(dir, 'values.schema.json'), 'utf8'));
  const deployed = new Set(
    (renders.get('medgrid-defaults') ?? [])
      .filter((o) => o.kind === 'Deployment')
      .map((o) => o.metadata.labels?.['app.kubernetes.io/name']),
  );
  for (const svc of SERVICES) {
    const where = `medgrid (umbrella) and service chart ${svc}`;
    const dependency = (chart.dependencies ?? []).find((d) => d.name === svc);
    if (dependency?.repository !== `file://../${svc}` || dependency?.condition !== `${svc}.enabled`)
      fail(
        where,
        `Chart.yaml needs the dependency ${svc} (repository file://../${svc}, condition ${svc}.enabled)`,
      );
    if (values[svc]?.enabled !== true) fail(where, `values.yaml needs ${svc}.enabled: true`);
    if (schema.properties?.[svc]?.properties?.enabled?.type !== 'boolean')
      fail(where, `values.schema.json needs ${svc}.enabled (boolean)`);
    const database = svc.replace(/-/g, '_');
    if (!(values.postgresql?.databases ?? []).some((d) => d.name === database))
      fail(where, `postgresql.databases needs the database ${database}`);
    if (!deployed.has(svc)) fail(where, 'the default render of the umbrella has no Deployment of it');
  }
  // templates/_helpers.tpl lists the services too (medgrid.services): Helm drops a disabled dependency from
  // .Chart.Dependencies, and the notes name every service.
  const helpers = readFileSync(join(dir, 'templates/_helpers.tpl'), 'utf8');
  const listed = /\{\{- define "medgrid\.services" -\}\}\n([a-z0-9 -]+)\n/
    .exec(helpers)?.[1]
    .trim()
    .split(/\s+/);
  if (listed?.join(' ') !== SERVICES.join(' '))
    fail(
      'medgrid/templates/_helpers.tpl',
      `medgrid.services must list ${SERVICES.join(' ')} (it lists ${listed?.join(' ') ?? 'nothing'})`,
    );
  for (const dependency of chart.dependencies ?? [])
    if (!SERVICES.includes(dependency.name))
      fail('medgrid/Chart.yaml', `dependency ${dependency.name} is not in deploy/helm/services.json`);
}

// ---- main -----------------------------------------------------------------------
const renders = loadRenders();
await validateSchemas(renders);
checkHouseRules(renders);
checkPromQL(renders, args['rules-out']);
checkTopics(renders);
for (const chart of [...SERVICES, 'medgrid']) checkValuesDocs(chart);
checkUmbrella(renders);
const network = checkNetworkPolicies({
  repo,
  renders,
  services: SERVICES,
  renderValues: new Map(
    (args['render-values'] ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=')),
  ),
  fail,
});

if (errors.length) {
  for (const e of errors) console.error(`  FAIL ${e}`);
  console.error(`${errors.length} problem(s) in ${relative(repo, rendersDir) || rendersDir}`);
  process.exit(1);
}
console.log(
  `validated ${stats.objects} objects in ${stats.renders} renders: ${stats.kubeValidated} against Kubernetes schemas, ` +
    `${stats.crChecked} operator resources, ${stats.promql} PromQL expressions, ${stats.topics} topics against the contracts, ` +
    `${stats.values} documented values, ${network.policies} NetworkPolicies (${network.judged} connections judged ` +
    `against the code and values, ${network.selfTests} deliberate breakages caught)`,
);
