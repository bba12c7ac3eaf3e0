import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { captureTraceContext, currentTraceId, inSpanFromCarrier } from './trace-context';

describe(inSpanFromCarrier.name, () => {
  const sut = inSpanFromCarrier;

  const exporter = new InMemorySpanExporter();

  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
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

  it('continues the trace a stored carrier names', async () => {
    const carrier = await sut('test', 'request', 'internal', undefined, {}, () =>
      Promise.resolve(captureTraceContext()),
    );
    const originTraceId = exporter.getFinishedSpans()[0]!.spanContext().traceId;

    const seenTraceId = await sut('test', 'topic process', 'consumer', carrier, {}, () =>
      Promise.resolve(currentTraceId()),
    );

    expect(carrier.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(seenTraceId).toBe(originTraceId);
  });

  it('records the failure on the span and rethrows it', async () => {
    await expect(
      sut('test', 'boom', 'internal', undefined, {}, () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');

    expect(exporter.getFinishedSpans()[0]!.status.code).toBe(2);
  });
});
