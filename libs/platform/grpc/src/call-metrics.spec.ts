import { status } from '@grpc/grpc-js';
import { LATENCY_BUCKETS } from '@medgrid/telemetry';
import { Counter, Histogram, Registry } from 'prom-client';
import { CallMetrics } from './call-metrics';

describe(CallMetrics.name, () => {
  /** A method's calls: its status code and, for a unary call, how long it took (a stream has none). */
  const calls: [string, status, number | undefined][] = [
    ['/medgrid.a.v1.AService/Get', status.OK, 0.001],
    ['/medgrid.a.v1.AService/Get', status.OK, 0.0031],
    ['/medgrid.a.v1.AService/Get', status.NOT_FOUND, 0.02],
    ['/medgrid.a.v1.AService/Get', status.OK, 0.002],
    ['/medgrid.a.v1.AService/Get', status.DEADLINE_EXCEEDED, 12],
    ['/medgrid.b.v1.BService/Watch', status.OK, undefined],
    ['/medgrid.b.v1.BService/Put', status.INVALID_ARGUMENT, 0.005],
    ['/medgrid.a.v1.AService/Get', status.OK, 0.7],
  ];

  /** A registry labelled as a service's is (setMetricsServiceLabel). */
  const serviceRegistry = () => {
    const registry = new Registry();
    registry.setDefaultLabels({ service: 'referral' });
    return registry;
  };

  /** What the server recorded with prom-client's own counter and histogram, per call. */
  const withPromClient = () => {
    const registry = serviceRegistry();
    const handled = new Counter({
      name: 'medgrid_grpc_server_handled_total',
      help: 'gRPC calls completed, by method and status code',
      labelNames: ['method', 'code'],
      registers: [registry],
    });
    const duration = new Histogram({
      name: 'medgrid_grpc_server_handling_seconds',
      help: 'gRPC call latency',
      labelNames: ['method'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    for (const [method, code, seconds] of calls) {
      handled.inc({ method, code: status[code] });
      if (seconds !== undefined) duration.observe({ method }, seconds);
    }
    return registry;
  };

  const withCallMetrics = () => {
    const registry = serviceRegistry();
    const sut = new CallMetrics(registry);
    for (const [method, code, seconds] of calls) {
      if (seconds === undefined) sut.method(method).counted(code);
      else sut.method(method).answered(code, seconds);
    }
    return registry;
  };

  it('exposes at /metrics the lines prom-client exposed for the same calls: names, help, labels and values', async () => {
    const lines = async (registry: Registry) => (await registry.metrics()).split('\n').filter(Boolean).sort();

    const expected = await lines(withPromClient());

    expect(expected.length).toBe(39);
    expect(await lines(withCallMetrics())).toEqual(expected);
  });

  it('answers getMetricsAsJSON with the samples prom-client answered', async () => {
    const samples = async (registry: Registry) =>
      (await registry.getMetricsAsJSON())
        .flatMap((metric) =>
          metric.values.map((value) =>
            JSON.stringify([
              metric.name,
              metric.type,
              (value as { metricName?: string }).metricName,
              value.labels,
              value.value,
            ]),
          ),
        )
        .sort();

    expect(await samples(withCallMetrics())).toEqual(await samples(withPromClient()));
  });
});
