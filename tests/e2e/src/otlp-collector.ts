import { createServer, type Server } from 'node:http';

export interface CollectedSpan {
  service: string;
  traceId: string;
  spanId: string;
  /** Undefined for the root of a trace. */
  parentSpanId: string | undefined;
  name: string;
  kind: SpanKind;
}

/** OTLP's span kinds (OpenTelemetry's API numbers them one lower). */
export enum SpanKind {
  Unspecified = 0,
  Internal = 1,
  Server = 2,
  Client = 3,
  Producer = 4,
  Consumer = 5,
}

interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: {
      spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind?: number }[];
    }[];
  }[];
}

/**
 * A minimal OTLP/HTTP (JSON) trace receiver: the services export to it for
 * real, so the test sees the spans each service produced.
 */
export class OtlpCollector {
  readonly spans: CollectedSpan[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.collect(Buffer.concat(chunks).toString('utf8'));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  servicesInTrace(traceId: string): Set<string> {
    return new Set(this.spans.filter((span) => span.traceId === traceId).map((span) => span.service));
  }

  /** The spans of a trace that match, in the order they arrived. */
  spansOf(traceId: string, match: Partial<Omit<CollectedSpan, 'traceId'>>): CollectedSpan[] {
    return this.spans.filter(
      (span) =>
        span.traceId === traceId &&
        Object.entries(match).every(([key, value]) => span[key as keyof CollectedSpan] === value),
    );
  }

  private collect(body: string): void {
    let parsed: OtlpJson;
    try {
      parsed = JSON.parse(body) as OtlpJson;
    } catch {
      return;
    }
    for (const resourceSpans of parsed.resourceSpans ?? []) {
      const service =
        resourceSpans.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ??
        'unknown';
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? [])
          this.spans.push({
            service,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            name: span.name,
            kind: span.kind ?? SpanKind.Unspecified,
          });
      }
    }
  }
}
