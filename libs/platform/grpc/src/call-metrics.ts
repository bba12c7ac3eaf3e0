import { status } from '@grpc/grpc-js';
import { LATENCY_BUCKETS, metricsRegistry } from '@medgrid/telemetry';
import { type Registry } from 'prom-client';

// Declared with their type first, so the chart's metric check (validate-manifests.mjs) finds them as it finds
// counter('...') and histogram('...') of @medgrid/telemetry.
const HANDLED = {
  type: 'counter',
  name: 'medgrid_grpc_server_handled_total',
  help: 'gRPC calls completed, by method and status code',
} as const;
const HANDLING = {
  type: 'histogram',
  name: 'medgrid_grpc_server_handling_seconds',
  help: 'gRPC call latency',
} as const;

/**
 * One method's RED figures as plain numbers: the calls it answered by status code, and its unary calls' latency
 * by bucket. A call adds to them and nothing else; prom-client's counter and histogram would validate and hash
 * their label objects on every call, and the timer copy them. They are rendered as those metrics, with the same
 * names, labels and values, when Prometheus scrapes (every few seconds), so the hashing happens once per series
 * and scrape.
 */
export class MethodCalls {
  /** Calls answered, by gRPC status code (0-16). */
  readonly handled: number[] = new Array<number>(17).fill(0);
  /** Unary calls by the first latency bucket they fit (LATENCY_BUCKETS); slower ones count only in `timed`. */
  readonly buckets: number[] = new Array<number>(LATENCY_BUCKETS.length).fill(0);
  timed = 0;
  seconds = 0;
  /** { method } once, for every series of the method (prom-client's shared labels of a histogram). */
  readonly labels: { readonly method: string };

  constructor(readonly method: string) {
    this.labels = { method };
  }

  /** A server stream ended with `code`: counted, but kept out of the latency figures. */
  counted(code: status): void {
    this.handled[code]!++;
  }

  /** A unary call answered with `code` after `seconds`. */
  answered(code: status, seconds: number): void {
    this.handled[code]!++;
    this.timed++;
    this.seconds += seconds;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) {
      if (seconds <= LATENCY_BUCKETS[i]!) {
        this.buckets[i]!++;
        return;
      }
    }
  }
}

/** A sample as prom-client's registry renders it (its metrics' get() results). */
interface Sample {
  value: number;
  labels: Record<string, string | number>;
  sharedLabels?: Record<string, string>;
  metricName?: string;
}

/**
 * The methods' figures, per process: several servers of one process (tests) serve the same methods into the same
 * series, as they did into prom-client's metrics.
 */
export class CallMetrics {
  private readonly methods = new Map<string, MethodCalls>();

  constructor(registry: Registry = metricsRegistry) {
    const methods = this.methods;
    registry.registerMetric({
      ...HANDLED,
      type: 'counter',
      aggregator: 'sum',
      get: () =>
        Promise.resolve({ ...HANDLED, type: 'counter', aggregator: 'sum', values: handledSamples(methods) }),
      reset: () => undefined,
    } as unknown as Parameters<Registry['registerMetric']>[0]);
    registry.registerMetric({
      ...HANDLING,
      type: 'histogram',
      aggregator: 'sum',
      get: () =>
        Promise.resolve({
          ...HANDLING,
          type: 'histogram',
          aggregator: 'sum',
          values: latencySamples(methods).map(splayed),
        }),
      getForPromString: () =>
        Promise.resolve({
          ...HANDLING,
          type: 'histogram',
          aggregator: 'sum',
          values: latencySamples(methods),
        }),
      reset: () => undefined,
    } as unknown as Parameters<Registry['registerMetric']>[0]);
  }

  /** The method's figures, made the first time it is served. */
  method(path: string): MethodCalls {
    let calls = this.methods.get(path);
    if (!calls) {
      calls = new MethodCalls(path);
      this.methods.set(path, calls);
    }
    return calls;
  }
}

/** medgrid_grpc_server_handled_total{method, code}: a series for every code a method answered with. */
function handledSamples(methods: Map<string, MethodCalls>): Sample[] {
  const samples: Sample[] = [];
  for (const calls of methods.values())
    calls.handled.forEach((value, code) => {
      if (value > 0)
        samples.push({ value, labels: { method: calls.method, code: status[code] ?? String(code) } });
    });
  return samples;
}

/** medgrid_grpc_server_handling_seconds's buckets (cumulative), +Inf, sum and count, for every method timed. */
function latencySamples(methods: Map<string, MethodCalls>): Sample[] {
  const samples: Sample[] = [];
  const bucket = `${HANDLING.name}_bucket`;
  for (const calls of methods.values()) {
    if (calls.timed === 0) continue;
    let below = 0;
    calls.buckets.forEach((value, i) => {
      below += value;
      samples.push({
        value: below,
        labels: { le: LATENCY_BUCKETS[i]! },
        sharedLabels: calls.labels,
        metricName: bucket,
      });
    });
    samples.push(
      { value: calls.timed, labels: { le: '+Inf' }, sharedLabels: calls.labels, metricName: bucket },
      { value: calls.seconds, labels: {}, sharedLabels: calls.labels, metricName: `${HANDLING.name}_sum` },
      { value: calls.timed, labels: {}, sharedLabels: calls.labels, metricName: `${HANDLING.name}_count` },
    );
  }
  return samples;
}

/** A sample with its shared labels among its own, as prom-client's histogram answers get() (JSON). */
function splayed({ sharedLabels, labels, ...sample }: Sample): Sample {
  return { ...sample, labels: { ...labels, ...sharedLabels } };
}
