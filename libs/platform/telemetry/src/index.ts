export {
  counter,
  gauge,
  histogram,
  LATENCY_BUCKETS,
  metricsRegistry,
  scrapedGauge,
  setMetricsServiceLabel,
} from './metrics-registry';
export { instrumentService, shutdownTelemetry } from './instrument-service';
export {
  endRpcSpan,
  endRpcSpanOnStatus,
  type RpcMetadata,
  type RpcMethodSpans,
  rpcMethodSpans,
  serverCallContext,
  startClientSpan,
} from './rpc-spans';
export { startTelemetry, type TelemetrySettings, type TracesExporter } from './start-telemetry';
export { captureTraceContext, currentTraceId, inSpanFromCarrier } from './trace-context';
