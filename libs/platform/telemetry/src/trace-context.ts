import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/** The active W3C trace context (traceparent, tracestate) as a plain map, to store or send. */
export function captureTraceContext(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** Trace id of the active span, or undefined outside any trace. */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  const id = span?.spanContext().traceId;
  return id && id !== '00000000000000000000000000000000' ? id : undefined;
}

/**
 * Runs `work` in a new span whose parent is the trace context carried by a
 * message (Kafka header or envelope), so one referral is one trace across
 * services. Records the error and ends the span whatever happens.
 */
export async function inSpanFromCarrier<T>(
  tracerName: string,
  spanName: string,
  kind: 'producer' | 'consumer' | 'internal',
  carrier: Record<string, string> | undefined,
  attributes: Record<string, string | number | boolean>,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = carrier ? propagation.extract(context.active(), carrier) : context.active();
  const spanKind =
    kind === 'producer' ? SpanKind.PRODUCER : kind === 'consumer' ? SpanKind.CONSUMER : SpanKind.INTERNAL;
  const span = trace.getTracer(tracerName).startSpan(spanName, { kind: spanKind, attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}
