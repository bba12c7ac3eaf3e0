import { metrics } from '@opentelemetry/api';
import { startTelemetry } from './start-telemetry';

describe(startTelemetry.name, () => {
  it('starts no meter provider: metrics are scraped from the service, not pushed as OTLP nor recorded twice', async () => {
    const sdk = startTelemetry({ serviceName: 'telemetry-spec', exporter: 'none' });
    try {
      expect(metrics.getMeterProvider().constructor.name).toBe('NoopMeterProvider');
    } finally {
      await sdk.shutdown();
    }
  });
});
