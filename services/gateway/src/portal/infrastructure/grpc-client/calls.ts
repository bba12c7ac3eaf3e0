import {
  type CallOptions,
  type Client,
  type ClientReadableStream,
  Metadata,
  type ServiceError,
} from '@grpc/grpc-js';
import {
  endRpcSpan,
  endRpcSpanOnStatus,
  type RpcMethodSpans,
  rpcMethodSpans,
  startClientSpan,
} from '@medgrid/telemetry';

/** How long the gateway waits for a service's answer. */
const DEADLINE_MS = 10_000;

export type Unary<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => unknown;

type ServerStream<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options?: Partial<CallOptions>,
) => ClientReadableStream<Res>;

export function bearer(token: string): Metadata {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

/**
 * The spans of a generated client's method: grpc-js gives each method its definition's `path`, which the
 * generated types do not declare.
 */
function spansOf(method: object): RpcMethodSpans {
  return rpcMethodSpans((method as unknown as { path: string }).path);
}

/**
 * One unary call with the user's token and a deadline, in a client span whose context the called service
 * continues; a refusal rejects with the ServiceError.
 */
export function unary<Req, Res>(
  client: Client,
  method: Unary<Req, Res>,
  request: Req,
  token: string,
): Promise<Res> {
  const metadata = bearer(token);
  const span = startClientSpan(spansOf(method), metadata);
  return new Promise((resolve, reject) =>
    method.call(
      client,
      request,
      metadata,
      { deadline: new Date(Date.now() + DEADLINE_MS) },
      (error, response) => {
        endRpcSpan(span, error ? error.code : 0, error?.details);
        if (error) reject(error);
        else resolve(response);
      },
    ),
  );
}

/**
 * A server stream with the user's token (no deadline: it lasts as long as the watcher), in a client span that
 * ends with the stream.
 */
export function serverStream<Req, Res>(
  client: Client,
  method: ServerStream<Req, Res>,
  request: Req,
  token: string,
): ClientReadableStream<Res> {
  const metadata = bearer(token);
  const span = startClientSpan(spansOf(method), metadata);
  const stream = method.call(client, request, metadata, {});
  endRpcSpanOnStatus(span, stream);
  return stream;
}
