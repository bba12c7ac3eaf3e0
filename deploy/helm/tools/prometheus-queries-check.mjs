// Proves the chart's observability against the running platform: every query of every Grafana dashboard in
// deploy/helm/medgrid/files/dashboards and every rule of files/prometheus/medgrid.rules.yaml, run through the HTTP
// API of the local Prometheus (scripts/prometheus.sh), which scrapes each service with the chart's labels and
// loads that rules file. The offline check (validate-manifests.mjs) knows a metric is declared in code; this one
// knows it is scraped, that each query parses and that each panel shows something.
//
//   node deploy/helm/tools/prometheus-queries-check.mjs [--url http://127.0.0.1:9090] [--scrapes 2] [--since <unix s>]
//
// Run it once the platform has done some work (scripts/test.sh: after the browser test). It fails, naming the
// panel or rule, when
//   - a scrape target is down, or Prometheus runs other rules than the file's (reload: scripts/prometheus.sh start);
//   - a query errors (a panel's with its Grafana variables replaced as Grafana would, by values that exist);
//   - a metric a panel or rule names was never scraped (neither in a target's metadata nor in a series);
//   - a panel query returns no series over the platform's lifetime (since the oldest service process started, or
//     --since), the dashboard's own way of asking (a range query), unless MAY_BE_EMPTY below says why it may;
//   - a recording rule returns no series.
// An alert's expression returns nothing while all is well: for alerts only the query and the metrics they select
// are checked, not that they fire. Needs Node 18+ (fetch); no npm package.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CHART = join(REPO, 'deploy/helm/medgrid');
const DASHBOARDS = join(CHART, 'files/dashboards');
const RULES_FILE = join(CHART, 'files/prometheus/medgrid.rules.yaml');

/**
 * Panel queries that may return no series, by "<panel title>" or "<panel title>#<refId>", each with the reason.
 * Only for figures that exist when something goes wrong or happens rarely; a query that is empty because a metric
 * is missing or misnamed is fixed in the dashboard or the service, never listed here.
 */
const MAY_BE_EMPTY = new Map([
  // Failures: none is the good case.
  ['Dead-lettered events (per hour)', 'no consumer gave up on an event'],
  [
    '48-hour breaches, overdue now, referrals without indication#A',
    'no upward referral has been open 48 hours past its submission',
  ],
  [
    'Critical values: unacknowledged now, escalations per hour',
    'no critical result is waiting for its acknowledgement, none was escalated',
  ],
  // The gauge names only the centres with reports past their turnaround target (ReportingGaugesTimer).
  ['Overdue worklist, by centre', 'no report is past its turnaround target'],
  // A group's month is settled once: on a fresh platform the browser test settles the month the demo leaves open;
  // one whose months were all settled earlier has no run to count until the next month closes.
  [
    'Settled months (yuan): budget, fund paid, surplus, overspend, by group',
    'no settlement run since the platform started',
  ],
  ['Settlement runs by balance, by group', 'no settlement run since the platform started'],
  [
    'Settlement runs: duration p90 and runs by outcome (last day)',
    'no settlement run since the platform started',
  ],
]);

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      url: { type: 'string', default: `http://127.0.0.1:${process.env.MEDGRID_PROMETHEUS_PORT ?? '9090'}` },
      scrapes: { type: 'string', default: '2' },
      since: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(
    `${error.message}\nusage: prometheus-queries-check.mjs [--url <prometheus>] [--scrapes <n>] [--since <unix s>]`,
  );
  process.exit(2);
}
const PROMETHEUS = options.url.replace(/\/$/, '');
const failures = [];
const notes = [];
const fail = (where, message) => failures.push(`${where}: ${message}`);

// ---- the HTTP API ------------------------------------------------------------------------------
async function api(path, params) {
  const url = `${PROMETHEUS}/api/v1/${path}`;
  // Label values are GET only; the rest take their (long) queries as a form.
  const get = !params || path.startsWith('label/');
  let response;
  try {
    response = get
      ? await fetch(params ? `${url}?${new URLSearchParams(params)}` : url)
      : await fetch(url, { method: 'POST', body: new URLSearchParams(params) });
  } catch (error) {
    throw new Error(
      `${url}: ${error.cause?.message ?? error.message} (is it running? scripts/prometheus.sh start)`,
    );
  }
  const body = await response.json().catch(() => ({ status: 'error', error: `HTTP ${response.status}` }));
  if (body.status !== 'success') {
    const error = new Error(body.error ?? `HTTP ${response.status}`);
    error.promql = true;
    throw error;
  }
  return body.data;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const now = () => Date.now() / 1000;

/** Waits until every active target has been scraped `scrapes` times since the check started; all must be up. */
async function waitForScrapes(scrapes) {
  const started = now();
  const seen = new Map(); // scrape URL -> distinct lastScrape times after `started`
  const deadline = started + 60;
  for (;;) {
    const { activeTargets } = await api('targets?state=active');
    if (!activeTargets.length)
      throw new Error('Prometheus has no scrape target: is its config the one scripts/prometheus.sh writes?');
    for (const target of activeTargets) {
      const at = Date.parse(target.lastScrape) / 1000;
      if (!seen.has(target.scrapeUrl)) seen.set(target.scrapeUrl, new Set());
      if (at > started) seen.get(target.scrapeUrl).add(at);
    }
    const behind = activeTargets.filter((t) => seen.get(t.scrapeUrl).size < scrapes);
    if (!behind.length) return activeTargets;
    if (now() > deadline)
      throw new Error(`no ${scrapes} scrapes within 60 s of ${behind.map((t) => t.labels.job).join(', ')}`);
    await sleep(1000);
  }
}

// ---- PromQL -------------------------------------------------------------------------------------
const PROMQL_WORDS = new Set([
  ...['sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk'],
  ...['quantile', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or'],
  ...['unless', 'offset', 'atan2', 'inf', 'nan', 'Inf', 'NaN'],
]);

/** Metric names an expression selects (as validate-manifests.mjs reads them: strings, matchers, ranges removed). */
function metricNames(expr) {
  let e = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  e = e.replace(/[a-zA-Z_:][a-zA-Z0-9_:]*\s*\(/g, '(');
  const words = [...e.matchAll(/(?<![0-9.])\b[a-zA-Z_:][a-zA-Z0-9_:]*/g)].map((m) => m[0]);
  return [...new Set(words.filter((w) => !PROMQL_WORDS.has(w)))];
}

/** Whether Prometheus has scraped a metric: a live target's metadata names its family, or a series exists. */
function scrapedCheck(metadata, since) {
  const known = new Map();
  return async (name) => {
    if (known.has(name)) return known.get(name);
    const family = name.replace(/_(bucket|sum|count)$/, '');
    let found =
      metadata[name] !== undefined ||
      (family !== name && (metadata[family] ?? []).some((m) => ['histogram', 'summary'].includes(m.type)));
    if (!found) {
      const series = await api('series', { 'match[]': `{__name__="${name}"}`, start: String(since) });
      found = series.length > 0;
    }
    known.set(name, found);
    return found;
  };
}

// ---- Grafana's variables ------------------------------------------------------------------------
// The built-in intervals as Grafana would pick them for a few hours on screen and a 15 s data source; long
// enough to hold several of the local Prometheus's 5 s scrapes.
const BUILT_IN = {
  __rate_interval: '1m',
  __interval: '1m',
  __interval_ms: '60000',
  __range: '1h',
  __range_s: '3600',
  __range_ms: '3600000',
};

const escapeRegex = (value) => value.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
/** A variable's value in a query: one value as it is, several (or "All") as Grafana's regex (a|b). */
const formatValues = (values) =>
  values.length === 1 ? escapeRegex(values[0]) : `(${values.map(escapeRegex).join('|')})`;

function interpolate(expr, variables, where) {
  return expr.replace(
    /\$\{([A-Za-z0-9_]+)(?::[^}]*)?\}|\[\[([A-Za-z0-9_]+)\]\]|\$([A-Za-z0-9_]+)/g,
    (all, a, b, c) => {
      const name = a ?? b ?? c;
      if (name in BUILT_IN) return BUILT_IN[name];
      if (variables.has(name)) return variables.get(name);
      fail(where, `unknown variable $${name}`);
      return all;
    },
  );
}

/** Resolves the dashboard's query variables in order, each to every value it offers (Grafana's "All"). */
async function resolveVariables(dashboard, where) {
  const variables = new Map();
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type === 'datasource' || variable.type === 'interval' || variable.type === 'constant') {
      if (variable.type === 'constant') variables.set(variable.name, String(variable.query ?? ''));
      if (variable.type === 'interval') variables.set(variable.name, BUILT_IN.__interval);
      continue;
    }
    if (variable.type === 'custom') {
      const values = String(variable.query ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      variables.set(variable.name, formatValues(values));
      continue;
    }
    if (variable.type !== 'query') {
      fail(`${where} variable ${variable.name}`, `type ${variable.type} is not one this check can fill in`);
      continue;
    }
    const query = typeof variable.query === 'string' ? variable.query : variable.query?.query;
    const match = /^label_values\((?:(.*),\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\)$/.exec(query ?? '');
    if (!match) {
      fail(`${where} variable ${variable.name}`, `"${query}" is not label_values(<selector>, <label>)`);
      continue;
    }
    const [, selector, label] = match;
    const params = selector
      ? { 'match[]': interpolate(selector, variables, `${where} variable ${variable.name}`) }
      : {};
    let values = [];
    try {
      values = await api(`label/${label}/values`, params);
    } catch (error) {
      fail(`${where} variable ${variable.name}`, `${query}: ${error.message}`);
    }
    if (!values.length) fail(`${where} variable ${variable.name}`, `${query} offers no value`);
    variables.set(variable.name, values.length ? formatValues(values) : '.*');
    notes.push(`${where} $${variable.name} = ${values.join(', ') || '(none)'}`);
  }
  return variables;
}

// ---- the checks ---------------------------------------------------------------------------------
async function checkDashboards(scraped, since) {
  const end = now();
  const step = String(Math.max(5, Math.ceil((end - since) / 250)));
  let queries = 0;
  let panelsSeen = 0;
  const allowed = [];
  const files = readdirSync(DASHBOARDS).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    const where = relative(CHART, join(DASHBOARDS, file));
    const dashboard = JSON.parse(readFileSync(join(DASHBOARDS, file), 'utf8'));
    const variables = await resolveVariables(dashboard, where);
    const panels = (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
    for (const panel of panels) {
      const targets = (panel.targets ?? []).filter((t) => t.expr && !t.hide);
      if (targets.length) panelsSeen += 1;
      for (const target of targets) {
        queries += 1;
        const name = `${where} panel "${panel.title}"${targets.length > 1 ? ` ${target.refId}` : ''}`;
        const expr = interpolate(target.expr, variables, name);
        const missing = [];
        for (const metric of metricNames(expr)) if (!(await scraped(metric))) missing.push(metric);
        if (missing.length) fail(name, `never scraped: ${missing.join(', ')}`);
        let result;
        try {
          result = target.instant
            ? await api('query', { query: expr, time: String(end) })
            : await api('query_range', { query: expr, start: String(since), end: String(end), step });
        } catch (error) {
          fail(name, `${error.message}\n    ${expr}`);
          continue;
        }
        if (result.result.length) continue;
        const reason = MAY_BE_EMPTY.get(`${panel.title}#${target.refId}`) ?? MAY_BE_EMPTY.get(panel.title);
        if (reason) allowed.push(`${name}: ${reason}`);
        else if (!missing.length) fail(name, `no series since the platform started\n    ${expr}`);
      }
    }
  }
  return { files: files.length, panels: panelsSeen, queries, allowed };
}

async function checkRules(scraped, since) {
  const { groups } = await api('rules');
  const ours = groups.filter((g) => resolve(g.file) === RULES_FILE);
  if (!ours.length) {
    fail(
      'rules',
      `Prometheus has not loaded ${relative(REPO, RULES_FILE)} (loaded: ${groups.map((g) => g.file).join(', ') || 'none'})`,
    );
    return { alerts: 0, records: 0 };
  }
  const { lastConfigTime } = await api('status/runtimeinfo');
  if (statSync(RULES_FILE).mtimeMs > Date.parse(lastConfigTime))
    fail(
      'rules',
      `${relative(REPO, RULES_FILE)} changed after Prometheus loaded it: scripts/prometheus.sh start reloads it`,
    );
  let alerts = 0;
  let records = 0;
  for (const group of ours) {
    for (const rule of group.rules) {
      const name = `rule ${rule.name} (group ${group.name})`;
      if (rule.health === 'err') fail(name, `Prometheus evaluates it with an error: ${rule.lastError}`);
      const missing = [];
      for (const metric of metricNames(rule.query)) if (!(await scraped(metric))) missing.push(metric);
      if (missing.length) fail(name, `selects metrics never scraped: ${missing.join(', ')}`);
      try {
        if (rule.type === 'alerting') {
          alerts += 1;
          await api('query', { query: rule.query });
          if (rule.state !== 'inactive') notes.push(`${name} is ${rule.state}`);
        } else {
          records += 1;
          const { result } = await api('query_range', {
            query: rule.query,
            start: String(since),
            end: String(now()),
            step: '15',
          });
          if (!result.length) fail(name, 'the recording rule returns no series');
        }
      } catch (error) {
        fail(name, error.message);
      }
    }
  }
  return { alerts, records };
}

// ---- main ------------------------------------------------------------------------------------------
try {
  const targets = await waitForScrapes(Number(options.scrapes));
  for (const t of targets)
    if (t.health !== 'up')
      fail(`target ${t.labels.job} (${t.scrapeUrl})`, `down: ${t.lastError || t.health}`);
  // The window the panels are read over: this platform's lifetime, not an earlier run's data in the same store.
  let since = Number(options.since);
  if (!options.since) {
    const { result } = await api('query', { query: 'min(process_start_time_seconds{part_of="medgrid"})' });
    since = Math.max(Number(result[0]?.value[1] ?? now() - 3600), now() - 86400);
  }
  const scraped = scrapedCheck(await api('metadata'), since);
  const dashboards = await checkDashboards(scraped, since);
  const rules = await checkRules(scraped, since);
  for (const note of notes) console.log(`  note ${note}`);
  for (const line of dashboards.allowed) console.log(`  empty, allowed: ${line}`);
  const summary =
    `${targets.length} targets, ${dashboards.queries} queries of ${dashboards.panels} panels in ${dashboards.files} ` +
    `dashboard(s), ${rules.alerts} alerting and ${rules.records} recording rules, data since ` +
    `${new Date(since * 1000).toISOString()}`;
  if (failures.length) {
    for (const failure of failures) console.error(`  FAIL ${failure}`);
    console.error(`${failures.length} problem(s); checked ${summary}`);
    process.exit(1);
  }
  console.log(`every panel and rule checked against ${PROMETHEUS}: ${summary}`);
} catch (error) {
  console.error(`prometheus-queries-check: ${error.message}`);
  process.exit(1);
}
