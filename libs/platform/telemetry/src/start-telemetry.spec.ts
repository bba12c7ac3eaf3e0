import { metrics } from '@opentelemetry/api';
import { platformInstrumentations, startTelemetry } from './start-telemetry';

describe(startTelemetry.name, () => {
  it('starts no meter provider: metrics are scraped from the service, not pushed as OTLP nor recorded twice', async () => {
    const sdk = startTelemetry({ serviceName: 'telemetry-spec', exporter: 'none' });
    try {
      expect(metrics.getMeterProvider().constructor.name).toBe('NoopMeterProvider');
    } finally {
      await sdk.shutdown();
    }
  });

  it("leaves gRPC to the platform's own spans: no grpc instrumentation wraps the calls, pg and http stay traced", () => {
    const names = platformInstrumentations().map((instrumentation) => instrumentation.instrumentationName);

    expect(names).not.toContain('@opentelemetry/instrumentation-grpc');
    expect(names).toEqual(
      expect.arrayContaining(['@opentelemetry/instrumentation-pg', '@opentelemetry/instrumentation-http']),
    );
  });
});
