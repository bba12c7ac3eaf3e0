import { type Client, type Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { EventEmitter } from 'node:events';
import { serverStream, type Unary, unary } from './calls';

const PATH = '/medgrid.referral.v1.ReferralService/GetReferral';

/** A generated client's method as grpc-js makes it: a function carrying its definition's path. */
function methodAnswering(error: Partial<ServiceError> | null, sent: Metadata[]): Unary<object, unknown> {
  const method = (
    _request: object,
    metadata: Metadata,
    _options: unknown,
    callback: (e: ServiceError | null, r: unknown) => void,
  ) => {
    sent.push(metadata);
    setImmediate(() => callback(error as ServiceError | null, error ? undefined : { ok: true }));
  };
  return Object.assign(method, { path: PATH });
}

describe('the gateway’s calls to the services', () => {
  const spans = new InMemorySpanExporter();
  const client = {} as Client;

  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(
      new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] }),
    );
  });
  afterAll(() => {
    trace.disable();
    propagation.disable();
    context.disable();
  });
  beforeEach(() => spans.reset());

  it("sends each call in a CLIENT span, the child of the request's span, whose context the service continues", async () => {
    const sent: Metadata[] = [];
    const request = trace.getTracer('spec').startSpan('GET /api/referrals/:id');

    await context.with(trace.setSpan(context.active(), request), () =>
      unary(client, methodAnswering(null, sent), {}, 'the-token'),
    );
    request.end();

    const call = spans.getFinishedSpans().find((span) => span.kind === SpanKind.CLIENT)!;
    expect(call).toMatchObject({
      name: 'grpc.medgrid.referral.v1.ReferralService/GetReferral',
      attributes: { 'rpc.system': 'grpc', 'rpc.method': 'GetReferral', 'rpc.grpc.status_code': status.OK },
    });
    expect(call.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    const { traceId, spanId } = call.spanContext();
    expect(sent[0]!.get('traceparent')).toEqual([`00-${traceId}-${spanId}-01`]);
    expect(sent[0]!.get('authorization')).toEqual(['Bearer the-token']);
  });

  it("ends the span with the service's refusal, marked as an error", async () => {
    const refusal = { code: status.NOT_FOUND, details: 'no such referral' };

    await expect(unary(client, methodAnswering(refusal, []), {}, 'the-token')).rejects.toBe(refusal);

    expect(spans.getFinishedSpans()[0]).toMatchObject({
      attributes: { 'rpc.grpc.status_code': status.NOT_FOUND },
      status: { code: SpanStatusCode.ERROR, message: 'no such referral' },
    });
  });

  it('ends a stream’s span when the stream ends, with its status', () => {
    const stream = new EventEmitter();
    let sent: Metadata | undefined;
    const watch = Object.assign(
      (_request: unknown, metadata: Metadata) => {
        sent = metadata;
        return stream;
      },
      { path: '/medgrid.referral.v1.ReferralService/WatchReferrals' },
    );

    serverStream(client, watch as never, {}, 'the-token');
    const whileOpen = spans.getFinishedSpans().length;
    stream.emit('status', { code: status.CANCELLED, details: 'Cancelled on client' });

    expect(whileOpen).toBe(0);
    expect(sent!.get('traceparent')).toHaveLength(1);
    expect(spans.getFinishedSpans()[0]).toMatchObject({
      name: 'grpc.medgrid.referral.v1.ReferralService/WatchReferrals',
      attributes: { 'rpc.grpc.status_code': status.CANCELLED },
    });
  });
});
