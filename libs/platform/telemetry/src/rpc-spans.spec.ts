import { Metadata } from '@grpc/grpc-js';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import {
  endRpcSpan,
  endRpcSpanOnStatus,
  rpcMethodSpans,
  serverCallContext,
  startClientSpan,
} from './rpc-spans';
import { EventEmitter } from 'node:events';

const PATH = '/medgrid.referral.v1.ReferralService/GetReferral';
const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

/** Metadata as a caller in the trace CALLER_TRACE sends it. */
function fromCaller(): Metadata {
  const metadata = new Metadata();
  metadata.set('traceparent', `00-${CALLER_TRACE}-${CALLER_SPAN}-01`);
  metadata.set('authorization', 'Bearer x');
  return metadata;
}

describe(rpcMethodSpans.name, () => {
  it("names a method's spans and attributes as the grpc instrumentation did, once per method", () => {
    const spans = rpcMethodSpans(PATH);

    expect(spans.name).toBe('grpc.medgrid.referral.v1.ReferralService/GetReferral');
    expect(spans.server).toEqual({
      kind: SpanKind.SERVER,
      attributes: {
        'rpc.system': 'grpc',
        'rpc.service': 'medgrid.referral.v1.ReferralService',
        'rpc.method': 'GetReferral',
      },
    });
    expect(spans.client.kind).toBe(SpanKind.CLIENT);
    expect(rpcMethodSpans(PATH)).toBe(spans);
  });
});

describe('rpc spans without a tracer provider (OTEL_TRACES_EXPORTER=none)', () => {
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });

  it('gives a call without a caller span no context of its own, and still passes on a caller trace', () => {
    const untraced = serverCallContext(rpcMethodSpans(PATH), new Metadata());
    const passedOn = serverCallContext(rpcMethodSpans(PATH), fromCaller());

    expect(untraced).toBeUndefined();
    expect(trace.getSpanContext(passedOn!)?.traceId).toBe(CALLER_TRACE);
  });
});

describe('rpc spans', () => {
  const exporter = new InMemorySpanExporter();
  const finished = () => exporter.getFinishedSpans();

  beforeAll(() => {
    trace.setGlobalTracerProvider(
      new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }),
    );
  });
  afterAll(() => {
    trace.disable();
    propagation.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  it("makes a served call's SERVER span the child of the span its metadata names, with the method's attributes", () => {
    const served = serverCallContext(rpcMethodSpans(PATH), fromCaller())!;
    const seenInside = context.with(served, () => trace.getActiveSpan()?.spanContext().spanId);

    endRpcSpan(trace.getSpan(served)!, 0);

    const [span] = finished();
    expect(span).toMatchObject({
      name: 'grpc.medgrid.referral.v1.ReferralService/GetReferral',
      kind: SpanKind.SERVER,
      attributes: {
        'rpc.system': 'grpc',
        'rpc.service': 'medgrid.referral.v1.ReferralService',
        'rpc.method': 'GetReferral',
        'rpc.grpc.status_code': 0,
      },
      status: { code: SpanStatusCode.UNSET },
    });
    expect(span!.spanContext().traceId).toBe(CALLER_TRACE);
    expect(span!.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(seenInside).toBe(span!.spanContext().spanId);
  });

  it('starts a trace of its own for a call that names none', () => {
    const served = serverCallContext(rpcMethodSpans(PATH), new Metadata())!;

    endRpcSpan(trace.getSpan(served)!, 0);

    expect(finished()[0]!.parentSpanContext).toBeUndefined();
    expect(finished()[0]!.spanContext().traceId).not.toBe(CALLER_TRACE);
  });

  it("marks a call that ended with another code than OK failed, with the code and the status's details", () => {
    const served = serverCallContext(rpcMethodSpans(PATH), fromCaller())!;

    endRpcSpan(trace.getSpan(served)!, 5, 'no such referral');

    expect(finished()[0]).toMatchObject({
      attributes: { 'rpc.grpc.status_code': 5 },
      status: { code: SpanStatusCode.ERROR, message: 'no such referral' },
    });
  });

  it("makes a call's CLIENT span the child of the active span and sends its context in the metadata", () => {
    const metadata = new Metadata();
    const parent = trace.getTracer('spec').startSpan('request');

    const client = context.with(trace.setSpan(context.active(), parent), () =>
      startClientSpan(rpcMethodSpans(PATH), metadata),
    );
    endRpcSpan(client, 14, 'connection refused');
    parent.end();

    const [span] = finished();
    expect(span).toMatchObject({
      name: 'grpc.medgrid.referral.v1.ReferralService/GetReferral',
      kind: SpanKind.CLIENT,
      attributes: { 'rpc.system': 'grpc', 'rpc.method': 'GetReferral', 'rpc.grpc.status_code': 14 },
      status: { code: SpanStatusCode.ERROR },
    });
    expect(span!.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    const { traceId, spanId } = span!.spanContext();
    expect(metadata.get('traceparent')).toEqual([`00-${traceId}-${spanId}-01`]);
  });

  it("continues on the server the trace a client's metadata carries: one trace across the hop", () => {
    const metadata = new Metadata();
    const client = startClientSpan(rpcMethodSpans(PATH), metadata);
    const served = serverCallContext(rpcMethodSpans(PATH), metadata)!;
    endRpcSpan(trace.getSpan(served)!, 0);
    endRpcSpan(client, 0);

    const [server, caller] = finished();
    expect(server!.spanContext().traceId).toBe(caller!.spanContext().traceId);
    expect(server!.parentSpanContext?.spanId).toBe(caller!.spanContext().spanId);
  });

  it("ends a stream's client span with the status the stream ends with", () => {
    const stream = new EventEmitter();
    endRpcSpanOnStatus(startClientSpan(rpcMethodSpans(PATH), new Metadata()), stream);

    const before = finished().length;
    stream.emit('status', { code: 1, details: 'Cancelled on client' });

    expect(before).toBe(0);
    expect(finished()[0]).toMatchObject({
      attributes: { 'rpc.grpc.status_code': 1 },
      status: { code: SpanStatusCode.ERROR, message: 'Cancelled on client' },
    });
  });
});
