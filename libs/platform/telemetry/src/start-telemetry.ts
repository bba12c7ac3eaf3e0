import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, ConsoleSpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

export type TracesExporter = 'otlp' | 'console' | 'none';

export interface TelemetrySettings {
  serviceName: string;
  serviceVersion?: string;
  exporter: TracesExporter;
  /** OTLP/HTTP base endpoint, e.g. http://otel-collector:4318 (the exporter appends /v1/traces). */
  otlpEndpoint?: string;
}

/**
 * Starts OpenTelemetry. Must run before Nest, pg or express are
 * loaded, so main.ts imports the service's instrumentation file first.
 * Only traces: metrics and logs have their own paths (see below).
 * Kafka spans are made by our messaging library from the
 * trace context stored with each outbox row, so the kafkajs
 * auto-instrumentation is off: it would parent the publish span on the relay
 * loop instead of the request that caused the event. gRPC spans are made by
 * @medgrid/grpc's server and the callers' clients (rpc-spans.ts), so the grpc
 * instrumentation, which wraps and binds every call, is off too.
 */
export function startTelemetry(settings: TelemetrySettings): NodeSDK {
  const spanProcessors: SpanProcessor[] = [];
  if (settings.exporter === 'otlp') {
    const url = settings.otlpEndpoint ? `${settings.otlpEndpoint.replace(/\/$/, '')}/v1/traces` : undefined;
    spanProcessors.push(
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter(url ? { url } : {}),
        scheduledDelayMillis: 500,
      }),
    );
  } else if (settings.exporter === 'console') {
    spanProcessors.push(new BatchSpanProcessor({ exporter: new ConsoleSpanExporter() }));
  }
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: settings.serviceName,
      [ATTR_SERVICE_VERSION]: settings.serviceVersion ?? '0.1.0',
    }),
    spanProcessors,
    // Metrics are the service's own, scraped at /metrics (metrics-registry.ts). Left to itself the SDK would
    // start a meter provider pushing OTLP metrics to a default endpoint nobody serves, and every
    // instrumentation would record a second copy of each call's duration (a histogram per gRPC call and per
    // database query); likewise an OTLP logger provider for logs that are pino's. Empty lists turn both off.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: platformInstrumentations(),
  });
  sdk.start();
  return sdk;
}

/** The auto-instrumentations a service runs: pg, http, Nest and the like; not what the platform traces itself. */
export function platformInstrumentations(): ReturnType<typeof getNodeAutoInstrumentations> {
  return getNodeAutoInstrumentations({
    '@opentelemetry/instrumentation-fs': { enabled: false },
    '@opentelemetry/instrumentation-dns': { enabled: false },
    '@opentelemetry/instrumentation-net': { enabled: false },
    '@opentelemetry/instrumentation-kafkajs': { enabled: false },
    '@opentelemetry/instrumentation-pino': { enabled: false },
    '@opentelemetry/instrumentation-grpc': { enabled: false },
  });
}
