import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  type SpanOptions,
  SpanStatusCode,
  type TextMapGetter,
  type TextMapSetter,
  trace,
} from '@opentelemetry/api';

/**
 * The platform makes the spans of its gRPC calls itself (the server's in @medgrid/grpc, the clients' where a
 * service calls another), in place of OpenTelemetry's grpc instrumentation: that one wraps every call's handler
 * and callback, binds the call's EventEmitter to the context and parses the method's path on every call, traced
 * or not. Names and attributes are the instrumentation's, so traces read as they did.
 */
const tracer = trace.getTracer('@medgrid/grpc');

/** grpc-js Metadata as far as trace context needs it (by its shape: this library does not load grpc-js). */
export interface RpcMetadata {
  get(key: string): unknown[];
  set(key: string, value: string): void;
  getMap(): Record<string, unknown>;
}

const fromMetadata: TextMapGetter<RpcMetadata> = {
  get(carrier, key) {
    const values = carrier.get(key);
    if (values.length === 0) return undefined;
    return values.length === 1 ? String(values[0]) : values.map(String);
  },
  keys: (carrier) => Object.keys(carrier.getMap()),
};

const intoMetadata: TextMapSetter<RpcMetadata> = { set: (carrier, key, value) => carrier.set(key, value) };

/** What the spans of one RPC method carry, made once per method and shared by all its calls. */
export interface RpcMethodSpans {
  /** `grpc.<package.Service>/<Method>`, as the grpc instrumentation names the span. */
  readonly name: string;
  readonly server: SpanOptions;
  readonly client: SpanOptions;
}

const methods = new Map<string, RpcMethodSpans>();

/** The spans of the method at `path` (`/package.Service/Method`, a grpc-js method's path). */
export function rpcMethodSpans(path: string): RpcMethodSpans {
  let known = methods.get(path);
  if (!known) {
    const at = path.indexOf('/', 1);
    const service = path.slice(path.startsWith('/') ? 1 : 0, at);
    const method = path.slice(at + 1);
    const attributes: Attributes = { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method };
    known = {
      name: `grpc.${service}/${method}`,
      server: { kind: SpanKind.SERVER, attributes },
      client: { kind: SpanKind.CLIENT, attributes },
    };
    methods.set(path, known);
  }
  return known;
}

/**
 * The context a served call runs in: its SERVER span, the child of the caller's span its metadata names (W3C
 * `traceparent`), or the root of a trace. Undefined when there is nothing to trace (no tracer provider and no
 * caller's span): such a call runs as it is, without a context of its own. The span is `trace.getSpan` of it;
 * end it with endRpcSpan.
 */
export function serverCallContext(method: RpcMethodSpans, metadata: RpcMetadata): Context | undefined {
  const parent = propagation.extract(ROOT_CONTEXT, metadata, fromMetadata);
  const span = tracer.startSpan(method.name, method.server, parent);
  if (!span.isRecording() && !trace.isSpanContextValid(span.spanContext())) return undefined;
  return trace.setSpan(parent, span);
}

/**
 * Starts the CLIENT span of a call to another service, the child of the active span, and writes its context into
 * the call's metadata, so the service's server span continues the trace. End it with endRpcSpan.
 */
export function startClientSpan(method: RpcMethodSpans, metadata: RpcMetadata): Span {
  const active = context.active();
  const span = tracer.startSpan(method.name, method.client, active);
  if (span.isRecording() || trace.isSpanContextValid(span.spanContext()))
    propagation.inject(trace.setSpan(active, span), metadata, intoMetadata);
  return span;
}

/**
 * Ends a call's span with the gRPC status code the call ended with (`rpc.grpc.status_code`); any code but OK
 * marks it failed, with `message` (the status's details), as the grpc instrumentation did.
 */
export function endRpcSpan(span: Span, code: number, message?: string): void {
  if (span.isRecording()) {
    span.setAttribute('rpc.grpc.status_code', code);
    if (code !== 0) span.setStatus({ code: SpanStatusCode.ERROR, message });
  }
  span.end();
}

/** Ends a streaming call's span with the status grpc-js emits last, however the call ended. */
export function endRpcSpanOnStatus(
  span: Span,
  call: { once(event: 'status', listener: (status: { code: number; details: string }) => void): unknown },
): void {
  call.once('status', (status) => endRpcSpan(span, status.code, status.details));
}
