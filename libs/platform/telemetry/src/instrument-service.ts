import { startTelemetry, type TracesExporter } from './start-telemetry';

const EXPORTERS: readonly TracesExporter[] = ['otlp', 'console', 'none'];

/**
 * Entry used by each service's instrumentation.ts, the first import of its
 * main.ts. It runs before the service's config is loaded, so it reads only the
 * two standard OpenTelemetry variables, and refuses a bad exporter name.
 */
export function instrumentService(serviceName: string, env: NodeJS.ProcessEnv = process.env): void {
  const exporter = (env.OTEL_TRACES_EXPORTER ?? 'none') as TracesExporter;
  if (!EXPORTERS.includes(exporter)) {
    throw new Error(`${serviceName}: OTEL_TRACES_EXPORTER must be one of ${EXPORTERS.join(', ')}`);
  }
  const sdk = startTelemetry({ serviceName, exporter, otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT });
  // Flush spans on the way out; Nest's own shutdown hooks run before this.
  process.once('beforeExit', () => void sdk.shutdown());
  instrumented = sdk;
}

let instrumented: ReturnType<typeof startTelemetry> | undefined;

/** Flushes and stops the SDK (called by main.ts after the app has closed). */
export async function shutdownTelemetry(): Promise<void> {
  await instrumented?.shutdown();
}
