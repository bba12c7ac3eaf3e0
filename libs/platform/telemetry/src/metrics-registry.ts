import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus registry, scraped at GET /metrics. One per process:
 * every library registers its RED metrics here, services add their business
 * indicators. Default Node runtime metrics are collected once.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export function setMetricsServiceLabel(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
}

/** Latency buckets (seconds) sized for interactive RPCs and event handling. */
export const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function existing<T>(name: string): T | undefined {
  return metricsRegistry.getSingleMetric(name) as T | undefined;
}

/** Idempotent metric constructors: a second call with the same name returns the first metric. */
export function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return existing<Counter<L>>(name) ?? new Counter({ name, help, labelNames, registers: [metricsRegistry] });
}

export function histogram<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets: number[] = LATENCY_BUCKETS,
): Histogram<L> {
  return (
    existing<Histogram<L>>(name) ??
    new Histogram({ name, help, labelNames, buckets, registers: [metricsRegistry] })
  );
}

export function gauge<L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> {
  return existing<Gauge<L>>(name) ?? new Gauge({ name, help, labelNames, registers: [metricsRegistry] });
}

/**
 * A gauge read when Prometheus scrapes (prom-client's collect), for figures a library already keeps, such as a
 * connection pool's counts: nothing to update between scrapes, never stale.
 */
export function scrapedGauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  read: (gauge: Gauge<L>) => void,
): Gauge<L> {
  return (
    existing<Gauge<L>>(name) ??
    new Gauge({
      name,
      help,
      labelNames,
      registers: [metricsRegistry],
      collect() {
        read(this);
      },
    })
  );
}
