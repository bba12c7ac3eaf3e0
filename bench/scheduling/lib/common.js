// Helpers shared by every benchmark's k6 scripts (bench/<benchmark>/*.js import them from here).

/** Directory holding proto/ (import path of every contract), relative to the script or absolute. */
export const PROTO_DIR = __ENV.BENCH_PROTO_DIR || '../../proto';

export function envInt(name, fallback) {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

export function envShare(name, fallback) {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value >= 0 && value <= 1)) throw new Error(`${name} must be a share between 0 and 1, got "${raw}"`);
  return value;
}

export function envString(name, fallback) {
  const raw = __ENV[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

/** Reads a JSON file named by an environment variable (init context only). */
export function readJsonFromEnv(name) {
  const path = __ENV[name];
  if (!path)
    throw new Error(`${name} must name a JSON file (the benchmark's runner, scripts/bench-*.sh, writes it)`);
  return JSON.parse(open(path));
}

// Kinds of client request ids, so a run's ids never collide with each other.
export const ID_KIND = { template: 1, generate: 2, referral: 3, booking: 4 };

/**
 * A UUID (version 4 layout) unique to this run, kind and number: the run id's random bits,
 * then the kind and number in the last group. Reruns get a new run id, so client request ids
 * are never reused (a reused one would be answered with the first run's result).
 */
export function runUuid(runId, kind, n) {
  const hex = runId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`run id ${runId} is not a UUID`);
  const tail = kind.toString(16) + n.toString(16).padStart(11, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${tail}`;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same rush. */
export function prng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The google.rpc.ErrorInfo reason of a failed k6 gRPC response, or ''. */
export function errorReason(response) {
  const details = (response && response.error && response.error.details) || [];
  for (const detail of details) {
    if (String(detail['@type'] || '').endsWith('/google.rpc.ErrorInfo')) return detail.reason || '';
  }
  return '';
}

/** A one-line description of a failed call: status name, ErrorInfo reason, message. */
export function describeFailure(grpc, response) {
  const names = Object.keys(grpc).filter((k) => k.startsWith('Status') && grpc[k] === response.status);
  const status = names.length > 0 ? names[0].slice('Status'.length) : String(response.status);
  const message = (response.error && response.error.message) || '';
  const reason = errorReason(response);
  return `${status}${reason ? ` ${reason}` : ''}${message ? `: ${message}` : ''}`;
}

/** A unary call (asyncInvoke) as the bearer of `token`: its answer, or an error naming the method and status. */
export async function callOrThrow(grpc, client, method, request, token) {
  const response = await client.asyncInvoke(method, request, {
    metadata: { authorization: `Bearer ${token}` },
    timeout: '30s',
  });
  if (response.status !== grpc.StatusOK) {
    throw new Error(`${method} failed: ${describeFailure(grpc, response)}`);
  }
  return response.message;
}

/** Runs task(0..count-1) with at most `limit` calls in flight; results in index order. */
export async function inParallel(count, limit, task) {
  const results = new Array(count);
  let next = 0;
  async function worker() {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}

/**
 * The open sessions of `templateIds` among those SearchAvailability answers for `query` (every page), as the
 * service describes them: how a run finds the sessions GenerateSessions made from its templates.
 */
export async function sessionsOfTemplates(grpc, client, token, query, templateIds) {
  const ours = new Set(templateIds);
  const sessions = [];
  let pageToken = '';
  do {
    const page = await callOrThrow(
      grpc,
      client,
      'medgrid.scheduling.v1.BookingService/SearchAvailability',
      { ...query, pageSize: 200, pageToken },
      token,
    );
    for (const s of page.sessions || []) if (ours.has(s.templateId)) sessions.push(s);
    pageToken = page.nextPageToken || '';
  } while (pageToken);
  return sessions;
}

/** A statistic of a metric in handleSummary's data, 0 when the run never recorded it. */
export function metricValue(data, name, stat) {
  const m = data.metrics[name];
  return m && m.values[stat] !== undefined ? m.values[stat] : 0;
}

/** handleSummary's output of a seed script: setup()'s plan written to `planOut` (stdout without one). */
export function planOutput(data, planOut) {
  if (!data.setup_data) return { stdout: 'seed: setup did not finish, no plan written\n' };
  if (!planOut) return { stdout: `${JSON.stringify(data.setup_data)}\n` };
  return { [planOut]: JSON.stringify(data.setup_data), stdout: `seed: plan written to ${planOut}\n` };
}

/** k6 options of a seed script: everything happens in setup(), which may take a while. */
export const SEED_OPTIONS = {
  scenarios: { seed: { executor: 'shared-iterations', vus: 1, iterations: 1 } },
  setupTimeout: '15m',
};

/** "HH:MM" of a number of minutes after midnight. */
export function clock(minutes) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
